package vn.motcua.app.agency;

/** An agencies file or request that cannot be taken as it is (400). */
public class AgencyDefinitionException extends RuntimeException {

    public AgencyDefinitionException(String message) {
        super(message);
    }
}
