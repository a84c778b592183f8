// Just a title
RETURN 1 AS one
