-- The report's headline cards.
select (select count(*) from core.events) as events,
       (select count(*) from marts.model_releases) as releases,
       (select count(*) from marts.model_releases where open_weights) as open_releases,
       (select count(*) from marts.model_releases where not open_weights) as closed_releases,
       (select count(distinct org) from core.events) as orgs,
       (select count(*) from raw.articles) as articles,
       (select count(*) from raw.feeds) as feeds,
       (select count(*) from marts.feed_health where health = 'ok') as feeds_ok,
       (select count(*) from ops.quarantine) as quarantined
