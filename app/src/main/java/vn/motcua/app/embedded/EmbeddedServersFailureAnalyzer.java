package vn.motcua.app.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints {@link EmbeddedServersUnavailableException} as Boot's "APPLICATION FAILED TO START" advice. */
class EmbeddedServersFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedServersUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedServersUnavailableException cause) {
        return new FailureAnalysis(
                EmbeddedServersUnavailableException.description(cause.servers()),
                EmbeddedServersUnavailableException.action(cause.servers()),
                cause);
    }
}
