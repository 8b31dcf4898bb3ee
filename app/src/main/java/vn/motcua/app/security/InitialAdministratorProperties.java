package vn.motcua.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of a production installation, created at start-up only while no member of
 * {@code camunda-admin} exists. There is no default password: {@code id} without {@code password}
 * stops the start. Give both for one start (environment variables
 * {@code MOTCUA_SECURITY_INITIALADMIN_ID} / {@code MOTCUA_SECURITY_INITIALADMIN_PASSWORD}), then
 * remove them; later starts ignore them anyway.
 */
@ConfigurationProperties("motcua.security.initial-admin")
public record InitialAdministratorProperties(
        String id, String password, String firstName, String lastName, String email) {}
