-- Installing in any workspace (Slack OAuth). One row per workspace the app was installed in, with its bot's token
-- sealed (AES-GCM under TAOLUN_SECRET_KEY) by the adapter before it reaches this table: no token is stored in clear.
-- A reinstall replaces the row; uninstalling or revoking the token deletes it. One script for H2 (MODE=PostgreSQL)
-- and PostgreSQL.
CREATE TABLE installation (
    platform      VARCHAR(20)   NOT NULL,
    workspace     VARCHAR(64)   NOT NULL,
    bot_user      VARCHAR(64)   NOT NULL,
    bot_id        VARCHAR(64)   NOT NULL,
    scopes        VARCHAR(1000) NOT NULL,
    sealed_token  VARCHAR(1000) NOT NULL,
    installed_by  VARCHAR(64)   NOT NULL,
    installed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform, workspace)
);
-- the state of each OAuth install under way: used once, within its expiry, by whichever replica gets the redirect
CREATE TABLE oauth_state (
    state       VARCHAR(200) NOT NULL PRIMARY KEY,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
