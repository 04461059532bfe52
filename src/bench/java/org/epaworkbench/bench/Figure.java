package org.epaworkbench.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured figure with the baseline measured in the same run: the value, how it compares, and
 * whether it meets its target. A figure without a target is reported for information.
 *
 * @param limit the value must be at most this (same unit), or null
 * @param maxRatio value / baseline must be at most this, or null
 */
public record Figure(String group, String name, double value, String unit, String baselineName, Double baseline,
        Double limit, Double maxRatio, Map<String, Object> details) {

    public static Figure of(String group, String name, double value, String unit) {
        return new Figure(group, name, value, unit, null, null, null, null, new LinkedHashMap<>());
    }

    public Figure against(String baselineName, double baselineValue) {
        return new Figure(group, name, value, unit, baselineName, baselineValue, limit, maxRatio, details);
    }

    public Figure atMost(double limitValue) {
        return new Figure(group, name, value, unit, baselineName, baseline, limitValue, maxRatio, details);
    }

    public Figure ratioAtMost(double ratio) {
        return new Figure(group, name, value, unit, baselineName, baseline, limit, ratio, details);
    }

    public Figure detail(String key, Object v) {
        details.put(key, v);
        return this;
    }

    public Double ratio() {
        return baseline == null || baseline == 0 ? null : value / baseline;
    }

    public boolean hasTarget() {
        return limit != null || maxRatio != null;
    }

    public boolean pass() {
        if (limit != null && !(value <= limit)) {
            return false;
        }
        if (maxRatio != null && (ratio() == null || !(ratio() <= maxRatio))) {
            return false;
        }
        return true;
    }

    public String result() {
        return !hasTarget() ? "info" : pass() ? "PASS" : "FAIL";
    }

    public String target() {
        StringBuilder s = new StringBuilder();
        if (limit != null) {
            s.append("≤ ").append(Report.number(limit)).append(' ').append(unit);
        }
        if (maxRatio != null) {
            if (s.length() > 0) {
                s.append(" and ");
            }
            s.append("≤ ").append(Report.number(maxRatio)).append("× baseline");
        }
        return s.length() == 0 ? "—" : s.toString();
    }
}
