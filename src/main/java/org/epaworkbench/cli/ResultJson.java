package org.epaworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.epaworkbench.grading.CarriedOverCriterion;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.grading.EpaResult;
import org.epaworkbench.grading.OverallResult;
import org.epaworkbench.plan.Criterion;

/** Writes grading results in the JSON {@code grade --json} prints (a contract; see docs/cli-json.md). */
final class ResultJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ResultJson() {
    }

    static ObjectNode epa(EpaResult result) {
        ObjectNode n = F.objectNode();
        n.put("plan", result.planId());
        ObjectNode components = n.putObject("components");
        for (ComponentResult c : result.components()) {
            components.set(c.componentId(), component(c));
        }
        OverallResult overall = result.overall();
        n.put("overall", overall.complete() ? overall.grade().name() : "INCOMPLETE");
        ObjectNode detail = n.putObject("overallDetail");
        if (overall.complete()) {
            detail.put("grade", overall.grade().name());
            detail.put("uncappedGrade", overall.uncappedGrade().name());
        } else {
            detail.putNull("grade");
            detail.putNull("uncappedGrade");
        }
        detail.put("complete", overall.complete());
        detail.put("capped", overall.capped());
        ArrayNode missing = detail.putArray("missingComponents");
        overall.missingComponents().forEach(missing::add);
        ArrayNode explanation = detail.putArray("explanation");
        overall.explanation().forEach(explanation::add);
        return n;
    }

    static ObjectNode component(ComponentResult c) {
        ObjectNode n = F.objectNode();
        n.put("title", c.componentTitle());
        n.put("attempt", c.attempt().word());
        n.put("grade", c.grade().name());
        n.put("uncappedGrade", c.uncappedGrade().name());
        n.put("capped", c.capped());
        n.put("passMet", c.passMet());
        n.put("passTotal", c.passTotal());
        n.put("distinctionMet", c.distinctionMet());
        n.put("distinctionTotal", c.distinctionTotal());
        n.put("distinctionRequired", c.distinctionRequired());
        ArrayNode mp = n.putArray("missingForPass");
        c.missingForPass().stream().map(Criterion::id).forEach(mp::add);
        ArrayNode md = n.putArray("missingForDistinction");
        c.missingForDistinction().stream().map(Criterion::id).forEach(md::add);
        ArrayNode carried = n.putArray("carriedOver");
        for (CarriedOverCriterion co : c.carriedOver()) {
            carried.addObject().put("criterion", co.criterion().id()).put("judgedIn", co.judgedInComponent())
                    .put("state", co.state().word());
        }
        ArrayNode explanation = n.putArray("explanation");
        c.explanation().forEach(explanation::add);
        return n;
    }
}
