package vn.motcua.app.procedure;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where procedures and forms are read from at start-up. The defaults are the ones built into the
 * application; point them at folders ({@code file:/srv/motcua/processes}) to deploy a designer's
 * edits without rebuilding.
 */
@ConfigurationProperties("motcua.procedures")
@Validated
public record ProcedureProperties(
        @NotBlank @DefaultValue("classpath*:procedures") String location,
        @NotBlank @DefaultValue("classpath*:forms") String formsLocation) {}
