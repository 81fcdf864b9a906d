-- `radar run` summary: the model releases found so far.
select org, model, open_weights, license, release_date, n_articles from marts.model_releases;
