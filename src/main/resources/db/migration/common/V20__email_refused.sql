-- An email the mail server refused for good (a 5xx reply to MAIL, RCPT or the message data)
-- gets the status FAILED and keeps the server's words here; it is not sent again.
ALTER TABLE email_outbox ADD COLUMN failure_reason VARCHAR(1000);
