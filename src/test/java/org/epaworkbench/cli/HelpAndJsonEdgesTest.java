package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Command-line rough edges: every command and sub-command answers {@code --help}; JSON saved with a
 * byte-order mark (as Windows Notepad saves it) is read; JSON nested too deeply is refused in words.
 */
class HelpAndJsonEdgesTest {

    @TempDir
    Path dir;

    /** Every command in the tree, as the words that name it from the top. */
    static List<List<String>> commandPaths() {
        CommandLine root = new CommandLine(new WorkbenchCli(Clock.systemUTC(), confirm -> null));
        List<List<String>> all = new ArrayList<>();
        walk(root, new ArrayList<>(), all);
        return all;
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> all) {
        all.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) {
                return; // an alias
            }
            List<String> next = new ArrayList<>(path);
            next.add(name);
            walk(sub, next, all);
        });
    }

    @Test
    void everyCommandListedInHelpIsSummedUpInAWholeSentence() {
        List<String> cut = new ArrayList<>();
        for (List<String> path : commandPaths()) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            String out = new CliRunner(dir).run(args.toArray(String[]::new)).out();
            int at = out.indexOf("\nCommands:\n");
            if (at < 0) {
                continue;
            }
            // each entry: "  name  text", its text wrapped onto lines indented further; the list ends at a blank line
            List<String> entries = new ArrayList<>();
            for (String line : out.substring(at + "\nCommands:\n".length()).split("\n")) {
                if (line.isBlank()) {
                    break;
                }
                if (line.startsWith("  ") && !line.startsWith("    ")) {
                    entries.add(line.strip());
                } else if (!entries.isEmpty()) {
                    entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
                }
            }
            for (String entry : entries) {
                if (!entry.matches("(?s).*[.)?]$")) {
                    cut.add(String.join(" ", path) + ": " + entry);
                }
            }
        }
        assertThat(cut).as("a summary that stops mid-sentence (\"… signed by a certificate this data folder\")").isEmpty();
        CliRunner.Run root = new CliRunner(dir).run("--help");
        assertThat(root.out().replaceAll("\\s+", " ")).as("as wrapped to the column")
                .contains("deliver", "Deliver the outbox to the organisation's intake service now");
        CliRunner.Run deliver = new CliRunner(dir).run("deliver", "--help");
        assertThat(deliver.out()).as("its own help starts with its usage, the sentence not said twice").startsWith("Usage:");
    }

    @Test
    void everyCommandAndSubCommandAnswersHelp() {
        List<List<String>> paths = commandPaths();
        assertThat(paths).as("the tree is walked, sub-commands included")
                .contains(List.of("plans"), List.of("session"), List.of("plans", "list"), List.of("backups", "restore"));
        List<String> failures = new ArrayList<>();
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRunner.Run run = new CliRunner(dir).run(args.toArray(String[]::new));
            if (run.exitCode() != 0 || !run.out().contains("Usage:") || !run.err().isEmpty()) {
                failures.add(String.join(" ", args) + " -> exit " + run.exitCode() + ": " + run.err().strip());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(Files.exists(dir.resolve("workbench.db"))).as("help opens no database").isFalse();
    }

    @Test
    void jsonStartingWithAByteOrderMarkIsRead() throws Exception {
        String json = "{\"components\": {\"observation\": {\"attempt\": \"first\", \"criteria\": {}}}}";
        Path file = dir.resolve("notepad.json");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Files.write(file, all);
        CliRunner.Run run = new CliRunner(dir).run("grade", "--plan", "highfield-css-l3", "--input", file.toString());
        assertThat(run.err()).doesNotContain("unexpected").doesNotContain("\uFEFF");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void aPlanPackWithAByteOrderMarkValidates() throws Exception {
        String pack;
        try (var in = getClass().getResourceAsStream("/org/epaworkbench/plan/packs/highfield-css-l3.json")) {
            assertThat(in).as("built-in pack on the classpath").isNotNull();
            pack = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = dir.resolve("pack.json");
        Files.writeString(file, "\uFEFF" + pack, StandardCharsets.UTF_8);
        CliRunner.Run run = new CliRunner(dir).run("plans", "validate", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void deeplyNestedJsonIsRefusedInWords() throws Exception {
        Path file = dir.resolve("deep.json");
        Files.writeString(file, "{\"components\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        CliRunner.Run run = new CliRunner(dir).run("grade", "--plan", "highfield-css-l3", "--input", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("deep.json").contains("nested too deeply")
                .doesNotContain("StreamReadConstraints").doesNotContain("getMaxNestingDepth").doesNotContain("Exception");
    }
}
