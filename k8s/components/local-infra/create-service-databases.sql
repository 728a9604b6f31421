-- One database per service: services never read each other's tables (docs: ARCHITECTURE.md, Data).
-- Postgres runs this once, when it initialises an empty data directory.
CREATE DATABASE auth;
CREATE DATABASE blog;
CREATE DATABASE shop;
CREATE DATABASE chat;
CREATE DATABASE shortener;
CREATE DATABASE notification;
