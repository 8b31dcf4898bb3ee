package vn.motcua.app.procedure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where procedures and forms are read from at start-up. The defaults are the ones built into the
 * application; point them at folders ({@code file:/srv/motcua/processes}) to deploy a designer's
 * edits without rebuilding.
 */
@ConfigurationProperties("motcua.procedures")
public record ProcedureProperties(
        @DefaultValue("classpath*:procedures") String location,
        @DefaultValue("classpath*:forms") String formsLocation) {}
