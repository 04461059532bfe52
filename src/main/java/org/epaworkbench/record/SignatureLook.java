package org.epaworkbench.record;

/**
 * How a signature looks and what it says on the page: the drawn signature (PNG, may be null), and
 * the reason and location recorded in the signature dictionary.
 *
 * @param anchorText visible text in the document under which the signature box is placed
 */
public record SignatureLook(byte[] drawnSignaturePng, String reason, String location, String anchorText) {
}
