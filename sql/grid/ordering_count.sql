SELECT count(*) FROM {{ordering}}
