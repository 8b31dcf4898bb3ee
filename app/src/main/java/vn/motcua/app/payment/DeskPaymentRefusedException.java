package vn.motcua.app.payment;

import vn.motcua.payment.Confirmation;

/** A desk payment the ledger did not record: wrong amount, nothing due, or no longer payable. */
class DeskPaymentRefusedException extends RuntimeException {

    private final Confirmation confirmation;

    DeskPaymentRefusedException(String code, Confirmation confirmation) {
        super("Dossier " + code + ": desk payment refused (" + confirmation.outcome() + ")");
        this.confirmation = confirmation;
    }

    Confirmation confirmation() {
        return confirmation;
    }
}
