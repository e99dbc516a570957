-- Entente on an external PostgreSQL (13 or newer): roles, database and schema.
-- Run once, as a superuser, BEFORE the first start:
--
--   psql -h HOST -U postgres -v ON_ERROR_STOP=1 \
--        -v migrator_password=... -v app_password=... \
--        -f infra/postgres/01-roles-and-schema.sql
--
-- entente_migrator owns the schema and runs the Flyway migrations (spring.flyway.user).
-- entente_app is what the service connects as (spring.datasource.username): it may read and
-- write the tables the migrations create; migration V1_6 (append-only event table) then takes UPDATE,
-- DELETE and TRUNCATE on the event table away from it.

CREATE ROLE entente_migrator LOGIN PASSWORD :'migrator_password';
CREATE ROLE entente_app LOGIN PASSWORD :'app_password';

CREATE DATABASE entente OWNER entente_migrator ENCODING 'UTF8' TEMPLATE template0;

\connect entente

-- Nobody but the owner creates objects; everything lives in schema entente.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA entente AUTHORIZATION entente_migrator;
GRANT USAGE ON SCHEMA entente TO entente_app;
ALTER ROLE entente_migrator IN DATABASE entente SET search_path = entente;
ALTER ROLE entente_app IN DATABASE entente SET search_path = entente;

-- Tables and sequences the migrator creates later are usable by the service.
ALTER DEFAULT PRIVILEGES FOR ROLE entente_migrator IN SCHEMA entente
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO entente_app;
ALTER DEFAULT PRIVILEGES FOR ROLE entente_migrator IN SCHEMA entente
    GRANT USAGE, SELECT ON SEQUENCES TO entente_app;
