// Title with BOM and CRLF
// Only a description.
RETURN 1;
