package org.epaworkbench.record;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.Cms;
import org.epaworkbench.keys.SigningIdentity;

/**
 * Signs a PDF as PAdES baseline B: an incremental update with a signature dictionary
 * (ETSI.CAdES.detached) whose CMS signature covers the whole file except the signature itself,
 * SHA-256, with the signing-certificate-v2 attribute and no CMS signing-time (the time is the
 * dictionary's /M), and a visible signature with the drawn signature image.
 *
 * <p>The room reserved in the file for the CMS signature is measured, not guessed: a trial
 * signature with the same key and certificates gives its size, and exactly that is reserved. With
 * RSA the size never varies, so the signature fills its room and there is no padding in which a
 * changed byte could go unnoticed; with ECDSA (whose signatures vary by a byte or two) the room is
 * the trial size and signing is redone with more room in the rare case the real one is longer.
 */
public final class PadesSigner {

    /** How many times signing is redone with more room before giving up (ECDSA only ever needs one more). */
    private static final int ATTEMPTS = 4;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", java.util.Locale.UK);

    private final byte[] regularFont;
    /** Room reserved beyond the measured size: 0, except in tests of how padding is checked. */
    private final int extraRoom;

    public PadesSigner() {
        this(0);
    }

    /** A signer that leaves {@code extraRoom} bytes of zero padding after the signature (for tests of the padding check). */
    PadesSigner(int extraRoom) {
        this.extraRoom = extraRoom;
        try (InputStream in = PadesSigner.class.getResourceAsStream("/org/epaworkbench/record/fonts/DejaVuSans.ttf")) {
            this.regularFont = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("report font missing", e);
        }
    }

    public byte[] sign(byte[] pdf, SigningIdentity identity, SignatureLook look, Instant signingTime, ZoneId zone)
            throws IOException, GeneralSecurityException {
        int room = reservedSize(identity) + extraRoom;
        for (int attempt = 1; ; attempt++) {
            Signed signed = signWithRoom(pdf, identity, look, signingTime, zone, room);
            if (signed.pdf() != null) {
                return signed.pdf();
            }
            if (attempt == ATTEMPTS) {
                throw new GeneralSecurityException("the signature (" + signed.cmsSize() + " bytes) did not fit the room "
                        + "reserved for it (" + room + " bytes)");
            }
            room = signed.cmsSize();
        }
    }

    /** The size of a CMS signature this identity makes: a trial signature over 32 bytes (its size does not depend on the content). */
    static int reservedSize(SigningIdentity identity) throws GeneralSecurityException, IOException {
        return cms(new byte[32], identity).length;
    }

    /** A signed PDF, or (pdf null) the size the signature needed when it did not fit. */
    private record Signed(byte[] pdf, int cmsSize) {
    }

    private Signed signWithRoom(byte[] pdf, SigningIdentity identity, SignatureLook look, Instant signingTime, ZoneId zone,
            int room) throws IOException, GeneralSecurityException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Calendar when = GregorianCalendar.from(signingTime.atZone(ZoneId.of("UTC")));
            when.setTimeZone(TimeZone.getTimeZone("UTC"));
            String signer = Certificates.commonName(identity.certificate());
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signer);
            signature.setReason(look.reason());
            signature.setLocation(look.location());
            signature.setSignDate(when);

            Placement place = findPlacement(doc, look.anchorText());
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(room);
                options.setPage(place.pageIndex());
                options.setVisualSignature(new ByteArrayInputStream(appearance(doc, place, look, signer,
                        SHOWN.format(signingTime.atZone(zone)))));
                doc.addSignature(signature, options);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + room * 3);
                ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
                byte[] cms = cms(external.getContent().readAllBytes(), identity);
                if (cms.length > room) {
                    return new Signed(null, cms.length);
                }
                external.setSignature(cms);
                return new Signed(out.toByteArray(), cms.length);
            }
        }
    }

    /** The CMS SignedData (detached) over the byte ranges. */
    static byte[] cms(byte[] content, SigningIdentity identity) throws GeneralSecurityException, IOException {
        return Cms.signDetached(content, identity);
    }

    /** Where the signature box goes: under the anchor text, on the page that has it (else the last page). */
    record Placement(int pageIndex, Rectangle2D.Float rect) {
    }

    /**
     * Finds the anchor (the heading of the record's closing section) from the last page backwards, one
     * page at a time, so a long record is not text-extracted whole to find a heading on its last page; and
     * a note that happens to quote the heading's words earlier in the record cannot draw the box to itself.
     */
    static Placement findPlacement(PDDocument doc, String anchor) throws IOException {
        float width = 240;
        float height = 72;
        if (anchor != null) {
            for (int page = doc.getNumberOfPages() - 1; page >= 0; page--) {
                float[] at = findOnPage(doc, anchor, page);
                if (at != null) {
                    PDRectangle media = doc.getPage(page).getMediaBox();
                    float top = media.getHeight() - at[1] - 8; // a little below the anchor's baseline
                    return new Placement(page, new Rectangle2D.Float(at[0], top - height, width, height));
                }
            }
        }
        int last = doc.getNumberOfPages() - 1;
        PDRectangle media = doc.getPage(last).getMediaBox();
        return new Placement(last, new Rectangle2D.Float(media.getWidth() - width - 50, 60, width, height));
    }

    /** The position (x, y from the top) of the anchor's last occurrence on one page (index from 0), or null. */
    private static float[] findOnPage(PDDocument doc, String anchor, int pageIndex) throws IOException {
        List<float[]> found = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                int start = text.lastIndexOf(anchor);
                if (start >= 0) {
                    TextPosition first = positions.get(Math.min(start, positions.size() - 1));
                    found.add(new float[] {first.getXDirAdj(), first.getYDirAdj()});
                }
                super.writeString(text, positions);
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(pageIndex + 1);
        stripper.setEndPage(pageIndex + 1);
        stripper.getText(doc);
        return found.isEmpty() ? null : found.get(found.size() - 1);
    }

    /** A one-page template PDF holding the signature field's widget and its appearance. */
    private byte[] appearance(PDDocument source, Placement place, SignatureLook look, String signer, String when)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(source.getPage(place.pageIndex()).getMediaBox());
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            Rectangle2D.Float r = place.rect();
            widget.setRectangle(new PDRectangle(r.x, r.y, r.width, r.height));
            widget.setPage(page);
            page.getAnnotations().add(widget);

            PDFormXObject xobject = new PDFormXObject(new PDStream(doc));
            xobject.setResources(new PDResources());
            xobject.setFormType(1);
            xobject.setBBox(new PDRectangle(r.width, r.height));
            PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
            dictionary.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(xobject.getCOSObject());
            dictionary.setNormalAppearance(stream);
            widget.setAppearance(dictionary);

            PDType0Font font = PDType0Font.load(doc, new ByteArrayInputStream(regularFont), true);
            try (PDPageContentStream cs = new PDPageContentStream(doc, stream)) {
                cs.setStrokingColor(0.55f, 0.6f, 0.65f);
                cs.setLineWidth(0.8f);
                cs.addRect(0.5f, 0.5f, r.width - 1, r.height - 1);
                cs.stroke();
                float textLeft = 6;
                if (look.drawnSignaturePng() != null) {
                    PDImageXObject image = PDImageXObject.createFromByteArray(doc, look.drawnSignaturePng(), "signature");
                    float h = r.height - 10;
                    float w = Math.min(r.width * 0.45f, h * image.getWidth() / (float) image.getHeight());
                    cs.drawImage(image, 5, 5, w, h);
                    textLeft = w + 12;
                }
                cs.beginText();
                cs.setNonStrokingColor(0.1f, 0.1f, 0.12f);
                cs.setFont(font, 7.5f);
                cs.newLineAtOffset(textLeft, r.height - 14);
                cs.setLeading(10);
                for (String line : List.of("Digitally signed by", signer, when, "PAdES (ETSI.CAdES.detached)")) {
                    cs.showText(line);
                    cs.newLine();
                }
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
