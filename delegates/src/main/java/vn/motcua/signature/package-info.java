/**
 * Electronic signatures on the PDFs the platform issues: the {@link vn.motcua.signature.SigningProvider} that holds
 * each agency's key (a PKCS#12 keystore per agency first), PAdES signing with a visible block, the local test CA
 * of the embedded defaults, verification of any signed PDF, and the delegate that signs a dossier's result.
 */
package vn.motcua.signature;
