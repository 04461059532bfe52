package org.epaworkbench.packs;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptCap;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.CarryOverRule;
import org.epaworkbench.plan.Citation;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.CriterionLevel;
import org.epaworkbench.plan.DeclarationText;
import org.epaworkbench.plan.DistinctionRule;
import org.epaworkbench.plan.DurationWindow;
import org.epaworkbench.plan.EpaRules;
import org.epaworkbench.plan.ExampleQuestion;
import org.epaworkbench.plan.Grade;
import org.epaworkbench.plan.KsbRequirement;
import org.epaworkbench.plan.QuestionCount;
import org.epaworkbench.plan.QuestioningLimit;
import org.epaworkbench.plan.RecordingRule;
import org.epaworkbench.plan.SourceDocument;

/**
 * Reads a plan pack: parses the JSON, validates it against the schema shipped in the jar, checks
 * what a schema cannot (unique ids, citations that name a listed source, timings that agree with
 * their tolerance, thresholds that fit the criteria), and builds the {@link AssessmentPlan}.
 * Every problem names the JSON path it was found at.
 */
public final class PlanPackReader {

    public static final String SCHEMA_RESOURCE = "/org/epaworkbench/plan/plan-pack.schema.json";
    /** Plan packs larger than this are refused before parsing. */
    public static final long MAX_PACK_BYTES = 4L * 1024 * 1024;

    private final Schema schema;

    public PlanPackReader() {
        try (InputStream in = PlanPackReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("plan pack schema missing from the application: " + SCHEMA_RESOURCE);
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(
                            SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()));
            this.schema = registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema text, for {@code docs/} and for organisations writing their own packs. */
    public static String schemaText() {
        try (InputStream in = PlanPackReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AssessmentPlan read(Path file) throws PlanPackException {
        return read(file.toString(), readText(file));
    }

    /** Reads a pack file's text, refusing folders, missing files, oversized files and non-UTF-8 text. */
    public static String readText(Path file) throws PlanPackException {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new PlanPackException(name, "$", "is a folder; expected a plan pack file (.json)");
            }
            long size = Files.size(file);
            if (size > MAX_PACK_BYTES) {
                throw new PlanPackException(name, "$", "is " + size + " bytes; a plan pack may be at most "
                        + MAX_PACK_BYTES + " bytes");
            }
            return JsonFiles.withoutByteOrderMark(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new PlanPackException(name, "$", "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new PlanPackException(name, "$", "is not UTF-8 text; a plan pack is a UTF-8 JSON file");
        } catch (IOException e) {
            throw new PlanPackException(name, "$", "cannot be read: " + e.getMessage());
        }
    }

    public AssessmentPlan read(String sourceName, String json) throws PlanPackException {
        JsonNode root = JsonFiles.parse(sourceName, json);
        List<Error> errors = schema.validate(root);
        if (!errors.isEmpty()) {
            List<PlanPackProblem> problems = new ArrayList<>();
            for (Error error : errors) {
                problems.add(new PlanPackProblem(error.getInstanceLocation().toString(), error.getMessage()));
            }
            throw new PlanPackException(sourceName, problems);
        }
        List<PlanPackProblem> problems = new ArrayList<>();
        AssessmentPlan plan = build(root, problems);
        if (!problems.isEmpty()) {
            throw new PlanPackException(sourceName, problems);
        }
        return plan;
    }

    private static AssessmentPlan build(JsonNode root, List<PlanPackProblem> problems) {
        List<SourceDocument> sources = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        JsonNode sourceNodes = root.get("sources");
        for (int i = 0; i < sourceNodes.size(); i++) {
            JsonNode s = sourceNodes.get(i);
            String ref = s.get("ref").asText();
            if (!refs.add(ref)) {
                problems.add(new PlanPackProblem("$.sources[" + i + "].ref", "source '" + ref + "' is listed twice"));
            }
            sources.add(new SourceDocument(ref, text(s, "file"), s.get("title").asText()));
        }
        CitationReader cite = new CitationReader(refs, problems);

        List<Component> components = new ArrayList<>();
        Set<String> componentIds = new HashSet<>();
        JsonNode componentNodes = root.get("components");
        for (int i = 0; i < componentNodes.size(); i++) {
            String path = "$.components[" + i + "]";
            JsonNode c = componentNodes.get(i);
            String id = c.get("id").asText();
            if (!componentIds.add(id)) {
                problems.add(new PlanPackProblem(path + ".id", "component id '" + id + "' is used twice"));
            }
            components.add(component(c, path, cite, problems));
        }

        JsonNode overall = root.get("overall");
        DistinctionRule overallRule = distinctionRule(overall.get("distinction"));
        if (overallRule.kind() == DistinctionRule.Kind.AT_LEAST && overallRule.atLeast() > components.size()) {
            problems.add(new PlanPackProblem("$.overall.distinction.atLeast", "asks for " + overallRule.atLeast()
                    + " components at distinction but the plan has " + components.size()));
        }

        AttemptCap cap = null;
        JsonNode capNode = root.get("attemptCap");
        if (capNode != null && !capNode.isNull()) {
            Set<AttemptKind> attempts = EnumSet.noneOf(AttemptKind.class);
            capNode.get("attempts").forEach(a -> attempts.add(AttemptKind.fromWord(a.asText())));
            cap = new AttemptCap(Grade.valueOf(capNode.get("maxGrade").asText()), attempts,
                    AttemptCap.Scope.fromWord(capNode.get("scope").asText()),
                    capNode.path("waivedForExceptionalCircumstances").asBoolean(false),
                    cite.read(capNode.get("source"), "$.attemptCap.source"));
        }

        List<CarryOverRule> carryOver = new ArrayList<>();
        JsonNode carryNodes = root.get("carryOver");
        for (int i = 0; i < carryNodes.size(); i++) {
            String path = "$.carryOver[" + i + "]";
            JsonNode r = carryNodes.get(i);
            String from = r.get("from").asText();
            String to = r.get("to").asText();
            if (!componentIds.contains(from)) {
                problems.add(new PlanPackProblem(path + ".from", "no component '" + from + "' in this plan"));
            }
            if (!componentIds.contains(to)) {
                problems.add(new PlanPackProblem(path + ".to", "no component '" + to + "' in this plan"));
            }
            if (from.equals(to)) {
                problems.add(new PlanPackProblem(path, "a component cannot carry criteria over to itself"));
            }
            carryOver.add(new CarryOverRule(from, to, cite.read(r.get("source"), path + ".source")));
        }

        List<String> notes = new ArrayList<>();
        root.path("notes").forEach(n -> notes.add(n.asText()));
        List<DeclarationText> declarations = new ArrayList<>();
        JsonNode declarationNodes = root.path("declarations");
        for (int i = 0; i < declarationNodes.size(); i++) {
            JsonNode d = declarationNodes.get(i);
            declarations.add(new DeclarationText(d.get("role").asText(), d.get("text").asText(),
                    cite.read(d.get("source"), "$.declarations[" + i + "].source")));
        }
        return new AssessmentPlan(root.get("id").asText(), root.get("title").asText(),
                root.get("organisation").asText(), root.get("standard").asText(), root.get("level").asInt(),
                root.get("version").asText(), sources, notes, components, overallRule,
                cite.read(overall.get("source"), "$.overall.source"), cap, carryOver, declarations,
                epaRules(root.path("epa"), componentIds, cite, problems));
    }

    private static EpaRules epaRules(JsonNode e, Set<String> componentIds, CitationReader cite, List<PlanPackProblem> problems) {
        if (e.isMissingNode() || e.isNull()) {
            return EpaRules.NONE;
        }
        java.util.function.BiConsumer<JsonNode, String> knownComponent = (node, path) -> {
            if (node != null && !componentIds.contains(node.asText())) {
                problems.add(new PlanPackProblem(path, "no component '" + node.asText() + "' in this plan"));
            }
        };
        JsonNode m = e.get("minimumOnProgramme");
        EpaRules.MinimumOnProgramme minimum = m == null ? null : new EpaRules.MinimumOnProgramme(
                m.has("days") ? m.get("days").asInt() : null, m.has("months") ? m.get("months").asInt() : null,
                cite.read(m.get("source"), "$.epa.minimumOnProgramme.source"));
        JsonNode es = e.get("earliestEpaStart");
        EpaRules.EarliestEpaStart earliest = es == null ? null : new EpaRules.EarliestEpaStart(
                es.has("days") ? es.get("days").asInt() : null, es.has("months") ? es.get("months").asInt() : null,
                severity(es), cite.read(es.get("source"), "$.epa.earliestEpaStart.source"));
        JsonNode w = e.get("window");
        EpaRules.Window window = w == null ? null : new EpaRules.Window(w.get("months").asInt(), severity(w),
                cite.read(w.get("source"), "$.epa.window.source"));
        JsonNode d = e.get("projectDeadline");
        EpaRules.ProjectDeadline deadline = null;
        if (d != null) {
            knownComponent.accept(d.get("component"), "$.epa.projectDeadline.component");
            deadline = new EpaRules.ProjectDeadline(d.get("component").asText(), d.get("months").asInt(),
                    cite.read(d.get("source"), "$.epa.projectDeadline.source"));
        }
        List<EpaRules.Submission> submissions = new ArrayList<>();
        JsonNode subs = e.path("submissions");
        for (int i = 0; i < subs.size(); i++) {
            JsonNode s = subs.get(i);
            knownComponent.accept(s.get("component"), "$.epa.submissions[" + i + "].component");
            submissions.add(new EpaRules.Submission(s.get("what").asText(), s.get("component").asText(),
                    s.get("daysBefore").asInt(), cite.read(s.get("source"), "$.epa.submissions[" + i + "].source")));
        }
        List<EpaRules.AtGateway> atGateway = new ArrayList<>();
        JsonNode ag = e.path("dueAtGateway");
        for (int i = 0; i < ag.size(); i++) {
            JsonNode a = ag.get(i);
            atGateway.add(new EpaRules.AtGateway(a.get("what").asText(), cite.read(a.get("source"), "$.epa.dueAtGateway[" + i + "].source")));
        }
        List<EpaRules.Notice> notices = new ArrayList<>();
        JsonNode ns = e.path("notice");
        for (int i = 0; i < ns.size(); i++) {
            JsonNode n = ns.get(i);
            knownComponent.accept(n.get("component"), "$.epa.notice[" + i + "].component");
            notices.add(new EpaRules.Notice(n.get("component").asText(), n.get("daysBefore").asInt(),
                    cite.read(n.get("source"), "$.epa.notice[" + i + "].source")));
        }
        List<EpaRules.Order> order = new ArrayList<>();
        JsonNode os = e.path("order");
        for (int i = 0; i < os.size(); i++) {
            JsonNode o = os.get(i);
            knownComponent.accept(o.get("first"), "$.epa.order[" + i + "].first");
            knownComponent.accept(o.get("then"), "$.epa.order[" + i + "].then");
            order.add(new EpaRules.Order(o.get("first").asText(), o.get("then").asText(),
                    cite.read(o.get("source"), "$.epa.order[" + i + "].source")));
        }
        JsonNode p = e.get("portfolio");
        EpaRules.PortfolioRule portfolio = null;
        if (p != null) {
            knownComponent.accept(p.get("component"), "$.epa.portfolio.component");
            if (p.get("minPieces").asInt() > p.get("maxPieces").asInt()) {
                problems.add(new PlanPackProblem("$.epa.portfolio", "minPieces is more than maxPieces"));
            }
            portfolio = new EpaRules.PortfolioRule(p.get("component").asText(), p.get("minPieces").asInt(),
                    p.get("maxPieces").asInt(), cite.read(p.get("source"), "$.epa.portfolio.source"));
        }
        JsonNode r = e.get("projectReport");
        EpaRules.ProjectReport report = null;
        if (r != null) {
            knownComponent.accept(r.get("component"), "$.epa.projectReport.component");
            report = new EpaRules.ProjectReport(r.get("component").asText(), r.get("words").asInt(),
                    r.get("tolerancePercent").asDouble(), r.get("annexesExcluded").asBoolean(),
                    cite.read(r.get("source"), "$.epa.projectReport.source"));
        }
        JsonNode pp = e.get("projectProposal");
        EpaRules.ProjectProposal proposal = pp == null ? null : new EpaRules.ProjectProposal(pp.get("minWords").asInt(),
                pp.get("maxWords").asInt(), pp.get("resubmitWithinDays").asInt(),
                cite.read(pp.get("source"), "$.epa.projectProposal.source"),
                pp.has("dueAtGateway") ? cite.read(pp.get("dueAtGateway").get("source"), "$.epa.projectProposal.dueAtGateway.source")
                        : null);
        JsonNode ra = e.get("reassessment");
        EpaRules.Reassessment reassessment = ra == null ? null : new EpaRules.Reassessment(ra.get("withinMonths").asInt(),
                ra.has("periodStarts") ? EpaRules.PeriodStart.of(ra.get("periodStarts").asText()) : null,
                ra.has("projectReworkMonths") ? ra.get("projectReworkMonths").asInt() : null,
                cite.read(ra.get("source"), "$.epa.reassessment.source"));
        JsonNode rt = e.get("retakeTraining");
        EpaRules.RetakeTraining training = null;
        if (rt != null) {
            if (rt.get("minMonths").asInt() > rt.get("maxMonths").asInt()) {
                problems.add(new PlanPackProblem("$.epa.retakeTraining", "minMonths is more than maxMonths"));
            }
            training = new EpaRules.RetakeTraining(rt.get("minMonths").asInt(), rt.get("maxMonths").asInt(),
                    rt.get("whenFailedAtLeast").asInt(), cite.read(rt.get("source"), "$.epa.retakeTraining.source"));
        }
        JsonNode rg = e.get("retakeGateway");
        EpaRules.RetakeGateway retakeGateway = rg == null ? null
                : new EpaRules.RetakeGateway(cite.read(rg.get("source"), "$.epa.retakeGateway.source"));
        JsonNode em = e.get("englishAndMaths");
        EpaRules.EnglishAndMaths englishAndMaths = em == null ? null : new EpaRules.EnglishAndMaths(
                em.hasNonNull("level") ? em.get("level").asInt() : null, cite.read(em.get("source"), "$.epa.englishAndMaths.source"));
        JsonNode fd = e.get("furtherDevelopment");
        EpaRules.FurtherDevelopment development = null;
        if (fd != null) {
            Set<AttemptKind> before = EnumSet.noneOf(AttemptKind.class);
            fd.get("before").forEach(a -> before.add(AttemptKind.fromWord(a.asText())));
            development = new EpaRules.FurtherDevelopment(before, cite.read(fd.get("source"), "$.epa.furtherDevelopment.source"));
        }
        return new EpaRules(minimum, earliest, window, deadline, submissions, atGateway, notices, order, portfolio, report, proposal,
                reassessment, training, retakeGateway, englishAndMaths, development);
    }

    /** A rule's {@code severity}: "problem" unless the pack says "warning". */
    private static EpaRules.Severity severity(JsonNode rule) {
        return "warning".equals(rule.path("severity").asText()) ? EpaRules.Severity.WARNING : EpaRules.Severity.PROBLEM;
    }

    private static Component component(JsonNode c, String path, CitationReader cite, List<PlanPackProblem> problems) {
        DurationWindow timing = timing(c.get("timing"), path + ".timing", cite, problems);

        QuestioningLimit questioning = null;
        JsonNode q = c.get("questioning");
        if (!q.isNull()) {
            Double percent = number(q, "maxPercent");
            String basis = text(q, "percentOf");
            if (percent != null && basis == null) {
                problems.add(new PlanPackProblem(path + ".questioning.percentOf",
                        "a percentage limit must say which time it is of: 'planned' or 'maximum'"));
                basis = "planned";
            }
            if (percent != null && "maximum".equals(basis) && timing.maxMinutes() == null) {
                problems.add(new PlanPackProblem(path + ".questioning.percentOf",
                        "is 'maximum' but the component's timing has no maximum"));
            }
            questioning = new QuestioningLimit(number(q, "maxMinutes"), percent,
                    basis == null ? null : QuestioningLimit.PercentOf.fromWord(basis),
                    cite.read(q.get("source"), path + ".questioning.source"));
        }

        QuestionCount questionCount = null;
        JsonNode qc = c.get("questionCount");
        if (!qc.isNull()) {
            questionCount = new QuestionCount(qc.get("exactly").asInt(),
                    cite.read(qc.get("source"), path + ".questionCount.source"));
        }

        List<KsbRequirement> ksbRequirements = new ArrayList<>();
        Set<String> requirementIds = new HashSet<>();
        JsonNode ksbNodes = c.path("ksbRequirements");
        for (int i = 0; i < ksbNodes.size(); i++) {
            String kPath = path + ".ksbRequirements[" + i + "]";
            JsonNode k = ksbNodes.get(i);
            String id = k.get("id").asText();
            if (!requirementIds.add(id)) {
                problems.add(new PlanPackProblem(kPath + ".id", "KSB statement id '" + id + "' is used twice in this component"));
            }
            ksbRequirements.add(new KsbRequirement(id, KsbRequirement.Kind.fromWord(k.get("kind").asText()), k.get("area").asText(),
                    k.get("text").asText(), cite.read(k.get("source"), kPath + ".source")));
        }

        List<Criterion> criteria = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> codes = new HashSet<>();
        JsonNode criteriaNodes = c.get("criteria");
        for (int i = 0; i < criteriaNodes.size(); i++) {
            String cPath = path + ".criteria[" + i + "]";
            JsonNode n = criteriaNodes.get(i);
            String id = n.get("id").asText();
            String code = n.get("code").asText();
            if (!ids.add(id)) {
                problems.add(new PlanPackProblem(cPath + ".id", "criterion id '" + id + "' is used twice in this component"));
            }
            if (!codes.add(code.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(new PlanPackProblem(cPath + ".code", "criterion code '" + code + "' is used twice in this component"));
            }
            List<String> ksb = new ArrayList<>();
            n.get("ksb").forEach(k -> ksb.add(k.asText()));
            List<String> requirements = new ArrayList<>();
            JsonNode reqNodes = n.path("ksbRequirements");
            for (int k = 0; k < reqNodes.size(); k++) {
                String ref = reqNodes.get(k).asText();
                if (!requirementIds.contains(ref)) {
                    problems.add(new PlanPackProblem(cPath + ".ksbRequirements[" + k + "]", "names KSB statement '" + ref
                            + "', which is not in this component's ksbRequirements"));
                }
                requirements.add(ref);
            }
            criteria.add(new Criterion(id, code, text(n, "text"), CriterionLevel.fromWord(n.get("level").asText()),
                    n.get("theme").asText(), ksb, cite.read(n.get("source"), cPath + ".source"), requirements));
        }

        JsonNode grading = c.get("grading");
        DistinctionRule rule = distinctionRule(grading.get("distinction"));
        long distinctionCount = criteria.stream().filter(x -> x.level() == CriterionLevel.DISTINCTION).count();
        if (rule.kind() == DistinctionRule.Kind.AT_LEAST && rule.atLeast() > distinctionCount) {
            problems.add(new PlanPackProblem(path + ".grading.distinction.atLeast", "asks for at least "
                    + rule.atLeast() + " distinction criteria but the component has " + distinctionCount));
        }

        List<ExampleQuestion> examples = new ArrayList<>();
        JsonNode exampleNodes = c.path("exampleQuestions");
        for (int i = 0; i < exampleNodes.size(); i++) {
            JsonNode e = exampleNodes.get(i);
            examples.add(new ExampleQuestion(e.get("theme").asText(), e.get("text").asText(),
                    cite.read(e.get("source"), path + ".exampleQuestions[" + i + "].source")));
        }

        JsonNode one = c.get("oneSession");
        Component.OneSession oneSession = one == null ? null
                : new Component.OneSession(cite.read(one.get("source"), path + ".oneSession.source"));
        JsonNode fu = c.get("resitFollowUp");
        Component.ResitFollowUp followUp = fu == null ? null : new Component.ResitFollowUp(fu.get("activity").asText(),
                fu.get("minutes").asInt(), text(fu, "condition"), cite.read(fu.get("source"), path + ".resitFollowUp.source"));

        return new Component(c.get("id").asText(), c.get("title").asText(), timing, questioning, questionCount, rule,
                cite.read(grading.get("source"), path + ".grading.source"), criteria, examples, oneSession, followUp, ksbRequirements,
                recording(c.get("recording"), path + ".recording", cite));
    }

    /** The component's recording rule; absent, the plan says nothing about recording ({@link RecordingRule#UNSTATED}). */
    private static RecordingRule recording(JsonNode r, String path, CitationReader cite) {
        if (r == null || r.isNull()) {
            return RecordingRule.UNSTATED;
        }
        java.util.function.Function<String, RecordingRule.ModeRule> mode = field -> new RecordingRule.ModeRule(
                RecordingRule.Requirement.fromWord(r.get(field).get("rule").asText()),
                cite.read(r.get(field).get("source"), path + "." + field + ".source"));
        JsonNode exemption = r.get("exemption");
        RecordingRule.ModeRule faceToFace = mode.apply("faceToFace");
        RecordingRule.ModeRule remote = mode.apply("remote");
        if (exemption != null && !faceToFace.required() && !remote.required()) {
            cite.problems().add(new PlanPackProblem(path + ".exemption", "says how an exemption is agreed, but neither "
                    + "faceToFace nor remote is 'required': an exemption is only from a required recording"));
        }
        return new RecordingRule(faceToFace, remote,
                exemption == null ? null : cite.read(exemption.get("source"), path + ".exemption.source"));
    }

    private static DurationWindow timing(JsonNode t, String path, CitationReader cite, List<PlanPackProblem> problems) {
        double planned = t.get("plannedMinutes").asDouble();
        Double tolerance = number(t, "tolerancePercent");
        Double min = number(t, "minMinutes");
        Double max = number(t, "maxMinutes");
        Citation source = cite.read(t.get("source"), path + ".source");
        if (tolerance != null) {
            DurationWindow derived = DurationWindow.withTolerance(planned, tolerance, source);
            if (min != null && Math.abs(min - derived.minMinutes()) > 0.001) {
                problems.add(new PlanPackProblem(path + ".minMinutes", "is " + fmt(min) + " but " + fmt(planned)
                        + " minutes -" + fmt(tolerance) + "% is " + fmt(derived.minMinutes())));
            }
            if (max != null && Math.abs(max - derived.maxMinutes()) > 0.001) {
                problems.add(new PlanPackProblem(path + ".maxMinutes", "is " + fmt(max) + " but " + fmt(planned)
                        + " minutes +" + fmt(tolerance) + "% is " + fmt(derived.maxMinutes())));
            }
            return derived;
        }
        if (min != null && min > planned) {
            problems.add(new PlanPackProblem(path + ".minMinutes", "is " + fmt(min)
                    + ", more than the planned " + fmt(planned) + " minutes"));
        }
        if (max != null && max < planned) {
            problems.add(new PlanPackProblem(path + ".maxMinutes", "is " + fmt(max)
                    + ", less than the planned " + fmt(planned) + " minutes"));
        }
        return new DurationWindow(planned, null, min, max, source);
    }

    private static DistinctionRule distinctionRule(JsonNode d) {
        return "atLeast".equals(d.get("rule").asText())
                ? DistinctionRule.atLeast(d.get("atLeast").asInt())
                : DistinctionRule.all();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Reads citations and checks that each names a source the pack lists. */
    private record CitationReader(Set<String> refs, List<PlanPackProblem> problems) {
        Citation read(JsonNode c, String path) {
            String ref = c.get("ref").asText();
            if (!refs.contains(ref)) {
                problems.add(new PlanPackProblem(path + ".ref", "cites source '" + ref
                        + "', which is not in the pack's sources " + refs));
            }
            return new Citation(ref, c.get("section").asText(), text(c, "quote"), text(c, "note"));
        }
    }
}
