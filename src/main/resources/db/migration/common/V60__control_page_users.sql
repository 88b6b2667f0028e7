-- The people who may log in to the control page (serve's pages). Only the BCrypt hash of a
-- password is stored; "users add" reads the password from standard input.
CREATE TABLE control_page_user (
    name           VARCHAR(64)  NOT NULL PRIMARY KEY,
    role           VARCHAR(20)  NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
