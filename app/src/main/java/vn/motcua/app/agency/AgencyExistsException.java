package vn.motcua.app.agency;

/** An agency with this code exists already (409). */
public class AgencyExistsException extends RuntimeException {

    public AgencyExistsException(String code) {
        super("Agency " + code + " exists; change it with PUT /api/admin/agencies/" + code);
    }
}
