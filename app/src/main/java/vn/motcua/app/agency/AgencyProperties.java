package vn.motcua.app.agency;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the province's agencies file is (docs/agencies.md).
 *
 * @param location a Spring resource, e.g. {@code file:/srv/motcua/agencies.yaml}; loaded at every start. Empty:
 *                 none (agencies are then managed through {@code /api/admin/agencies} only; the embedded
 *                 defaults load the sample province).
 */
@ConfigurationProperties("motcua.agencies")
public record AgencyProperties(String location) {}
