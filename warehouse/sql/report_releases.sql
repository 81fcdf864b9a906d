-- Every released model, for the timeline and the releases table.
select org, model, open_weights, license, release_date, first_seen_at, n_articles, n_outlets
from marts.model_releases
