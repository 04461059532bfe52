package org.epaworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.epaworkbench.Wording;
import org.epaworkbench.app.AssessorIdentity;
import org.epaworkbench.app.OrganisationDelivery;
import org.epaworkbench.store.Deliveries;
import org.epaworkbench.sync.Receipt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code deliver} and {@code receipts}: delivery to the organisation's intake service (ADR 13, docs/intake-service.md). */
final class DeliverCommands {

    /** Exit code: nothing waited to be delivered. */
    static final int NOTHING_TO_DO = 4;
    /** Exit code: the service refused a package (its reason is printed; it is not sent again by itself). */
    static final int REFUSED = 5;
    /** Exit code: the service could not be reached; what waits is tried again later. */
    static final int UNREACHABLE = 6;

    private DeliverCommands() {
    }

    @Command(name = "deliver", description = {"Deliver the outbox to the organisation's intake service now: what waits is",
            "made into a package signed with your key, then every package not yet delivered is sent; each counts as",
            "delivered only with the service's signed receipt for its exact bytes. The key's password comes from",
            Passwords.VARIABLE + " or a prompt."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:delivered", "4:nothing to deliver", "5:the service refused a package (the reason is printed; deliver --again sends it again)",
                    "6:the service cannot be reached now (tried again later)", "2:bad input (e.g. no service set up)"})
    static final class Deliver implements Callable<Integer>, WritesData {
        @ParentCommand
        WorkbenchCli root;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--service", paramLabel = "https://HOST:PORT", description = "The intake service's address "
                + "(remembered; give it once).")
        String service;
        @Option(names = "--root", paramLabel = "SHA-256", description = "The SHA-256 of the organisation root the service's "
                + "certificate must chain to, as serve printed it (remembered; the root must be trusted: org trust).")
        String rootFingerprint;
        @Option(names = "--json", description = "Print what was done as JSON.")
        boolean json;
        @Option(names = "--again", description = "Also send again the packages the service refused, once the office has "
                + "put right why (imported the plan they name with serve plans import, registered you).")
        boolean again;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = root.context();
            OrganisationDelivery delivery = ctx.services().organisationDelivery();
            if (service != null || rootFingerprint != null) {
                if (service == null || rootFingerprint == null) {
                    throw new BadInputException("Give both --service and --root to set where deliveries go.");
                }
                try {
                    delivery.setTarget(service, rootFingerprint);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(e.getMessage());
                }
            }
            if (delivery.target().isEmpty()) {
                throw new BadInputException("No intake service is set up. Give its address and the organisation root's "
                        + "SHA-256 once: deliver --service https://intake.example.org:8443 --root SHA-256");
            }
            AssessorIdentity keys = ctx.identity();
            if (!keys.exists()) {
                throw new BadInputException("There is no signing identity to sign packages with. Create one: keys init");
            }
            AssessorIdentity.Unlocked signer = SyncCommands.unlock(keys, root.passwords().keystorePassword(false));
            if (again) {
                for (Deliveries.Delivery d : delivery.refused()) {
                    delivery.deliverAgain(d.packageId());
                }
            }
            OrganisationDelivery.Round round = delivery.deliverNow(signer, true, bytes -> { });
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode n = org.epaworkbench.packs.JsonFiles.mapper().createObjectNode();
                n.put("result", round.nothingToDo() ? "nothing-to-do" : !round.refused().isEmpty() ? "refused"
                        : round.unreachable() != null ? "unreachable" : "delivered");
                write(n.putArray("delivered"), round.delivered(), delivery);
                write(n.putArray("refused"), round.refused(), delivery);
                if (round.unreachable() != null) {
                    n.put("unreachable", round.unreachable());
                }
                JsonOutput.object(out, n);
            } else {
                if (round.nothingToDo()) {
                    int refused = delivery.refused().size();
                    out.println(refused == 0 ? "Nothing to deliver: every package made here has its receipt."
                            : "Nothing to deliver now. " + Wording.count(refused, "package") + " the service refused "
                            + (refused == 1 ? "has" : "have") + " no receipt (receipts says why); once the office has put "
                            + "that right, send " + (refused == 1 ? "it" : "them") + " again with: deliver --again");
                }
                for (Deliveries.Delivery d : round.delivered()) {
                    Receipt r = delivery.receipt(d).orElseThrow();
                    out.println("Delivered package " + d.packageId() + ": " + Wording.count(r.sessions().size(), "session")
                            + " and " + Wording.count(r.records().size(), "record") + ", receipt signed by the service at "
                            + r.receivedAt() + ".");
                }
                for (Deliveries.Delivery d : round.refused()) {
                    out.println("Refused by the service: package " + d.packageId() + ": " + d.problem()
                            + (d.problem().contains("deliver --again") ? "" : " It is not sent again by itself: once the "
                            + "office has put this right, deliver --again."));
                }
                if (round.unreachable() != null) {
                    out.println(round.unreachable() + " What waits stays in the outbox and is tried again.");
                }
            }
            return round.nothingToDo() ? NOTHING_TO_DO : !round.refused().isEmpty() ? REFUSED
                    : round.unreachable() != null ? UNREACHABLE : ExitCodes.OK;
        }

        private static void write(ArrayNode list, List<Deliveries.Delivery> ds, OrganisationDelivery delivery) throws Exception {
            for (Deliveries.Delivery d : ds) {
                ObjectNode p = list.addObject();
                p.put("packageId", d.packageId());
                p.put("sha256", d.sha256());
                if (d.problem() != null) {
                    p.put("reason", d.problem());
                }
                delivery.receipt(d).ifPresent(r -> {
                    p.put("receivedAt", r.receivedAt().toString());
                    p.put("sessions", r.sessions().size());
                    p.put("records", r.records().size());
                });
            }
        }
    }

    @Command(name = "receipts", description = "The packages made for the intake service, where each stands, and the "
            + "receipts the service signed.")
    static final class Receipts implements Callable<Integer> {
        @ParentCommand
        WorkbenchCli root;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--json", description = "As JSON, with each receipt's signed bytes and signature (Base64).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            OrganisationDelivery delivery = root.context().services().organisationDelivery();
            List<Deliveries.Delivery> all = delivery.deliveries();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode list = org.epaworkbench.packs.JsonFiles.mapper().createArrayNode();
                for (Deliveries.Delivery d : all) {
                    ObjectNode p = list.addObject();
                    p.put("packageId", d.packageId());
                    p.put("sha256", d.sha256());
                    p.put("state", d.state().name().toLowerCase(java.util.Locale.ROOT));
                    p.put("attempts", d.attempts());
                    if (d.problem() != null) {
                        p.put("problem", d.problem());
                    }
                    if (d.nextAttemptAt() != null) {
                        p.put("nextAttemptAt", d.nextAttemptAt().toString());
                    }
                    if (d.receipt() != null) {
                        p.put("receipt", d.receipt());
                        p.put("receiptSignature", d.receiptSignature());
                        p.put("receivedAt", d.receivedAt().toString());
                    }
                }
                JsonOutput.object(out, list);
                return ExitCodes.OK;
            }
            if (all.isEmpty()) {
                out.println("No package has been made for the intake service yet (deliver makes one).");
                return ExitCodes.OK;
            }
            for (Deliveries.Delivery d : all) {
                String where = switch (d.state()) {
                    case DELIVERED -> "delivered, receipt signed at " + d.receivedAt();
                    case REFUSED -> "refused: " + d.problem();
                    case WAITING -> "waiting" + (d.attempts() == 0 ? "" : " (" + d.attempts() + " tries; last: " + d.problem()
                            + (d.nextAttemptAt() == null ? "" : "; next after " + d.nextAttemptAt()) + ")");
                };
                out.println(d.packageId() + "  " + where);
            }
            return ExitCodes.OK;
        }
    }
}
