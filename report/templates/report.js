(function () {
  'use strict';
  var input = document.getElementById('q');
  var typeSelect = document.getElementById('qtype');
  var counter = document.getElementById('qcount');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#events-table tbody tr'));
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  function apply() {
    var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var type = typeSelect.value;
    var shown = 0;
    rows.forEach(function (row, i) {
      var ok = (!type || row.getAttribute('data-type') === type) &&
        terms.every(function (term) { return texts[i].indexOf(term) !== -1; });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    counter.textContent = shown + ' of ' + rows.length + ' events shown';
  }
  function fromHash() {
    var match = /^#q=(.*)$/.exec(window.location.hash);
    if (match) {
      try { input.value = decodeURIComponent(match[1].replace(/\+/g, ' ')); } catch (e) { input.value = ''; }
    }
  }
  if (input && typeSelect && counter) {
    input.addEventListener('input', apply);
    typeSelect.addEventListener('change', apply);
    window.addEventListener('hashchange', function () { fromHash(); apply(); });
    fromHash();
    apply();
  }
  var root = document.documentElement;
  root.setAttribute('data-report-ready', '1');
  if (window.getComputedStyle(root).getPropertyValue('--report-css').trim() === '1') {
    root.setAttribute('data-report-css', '1');
  }
})();
