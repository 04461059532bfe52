package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command given arguments it cannot use: exit code 2, a message that names what is wrong, no
 * stack trace, and the data folder exactly as it was.
 */
class MalformedArgumentsTest {

    @TempDir
    static Path dir;
    static String before;

    @BeforeEach
    void sampleData() {
        if (before == null) {
            assertThat(new CliRunner(dir).run("demo").exitCode()).isZero();
            before = snapshot();
        }
    }

    /** What the data folder holds, as the command line reports it. */
    static String snapshot() {
        CliRunner cli = new CliRunner(dir);
        return cli.run("session", "list", "--json").out() + cli.run("apprentice", "list", "--json").out()
                + cli.run("plans", "list", "--json").out() + cli.run("outbox", "--json").out();
    }

    static Stream<Arguments> badCommandLines() throws Exception {
        Path notJson = Files.writeString(dir.resolve("not.json"), "{\"components\": {");
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        Path notPackage = Files.writeString(dir.resolve("x.epapkg"), "PK not really");
        return Stream.of(
                Arguments.of(new String[] {"frobnicate"}, "Unmatched argument"),
                Arguments.of(new String[] {"plans", "show"}, "Missing required parameter: 'PLAN_ID'"),
                Arguments.of(new String[] {"plans", "show", "no-such-plan"}, "unknown plan 'no-such-plan'"),
                Arguments.of(new String[] {"plans", "list", "--bogus"}, "Unknown option: '--bogus'"),
                Arguments.of(new String[] {"plans", "validate", dir.resolve("missing.json").toString()}, "missing.json"),
                Arguments.of(new String[] {"plans", "import", folder.toString()}, "a-folder"),
                Arguments.of(new String[] {"grade", "--input", notJson.toString()}, "Missing required option: '--plan=PLAN_ID'"),
                Arguments.of(new String[] {"grade", "--plan", "pal-css-l3", "--input", notJson.toString()}, "not.json"),
                Arguments.of(new String[] {"session", "show", "nope"}, "unknown session 'nope'"),
                Arguments.of(new String[] {"session", "events"}, "Missing required parameter"),
                Arguments.of(new String[] {"apprentice", "list", "--status", "bogus"}, "unknown status 'bogus'"),
                Arguments.of(new String[] {"apprentice", "check", "nobody"}, "nobody"),
                Arguments.of(new String[] {"export"}, "Missing required option: '--out=DIR'"),
                Arguments.of(new String[] {"export", "--out", folder.toString(), "--since", "yesterday"}, "--since yesterday: not a time"),
                Arguments.of(new String[] {"export", "--out", folder.toString(), "--all", "--since", "2026-01-01T00:00:00Z"},
                        "mutually exclusive"),
                Arguments.of(new String[] {"import", dir.resolve("none.epapkg").toString()}, "no such file"),
                Arguments.of(new String[] {"import", folder.toString()}, "is a folder"),
                Arguments.of(new String[] {"import", notPackage.toString()}, "x.epapkg"),
                Arguments.of(new String[] {"report", "--out", "x.pdf"}, "Missing required argument"),
                Arguments.of(new String[] {"report", "--session", "nope", "--out", dir.resolve("r.pdf").toString()}, "nope"),
                Arguments.of(new String[] {"verify"}, "Missing required parameter"),
                Arguments.of(new String[] {"verify", dir.resolve("none.pdf").toString()}, "none.pdf"),
                Arguments.of(new String[] {"keys", "import"}, "Missing required parameter"),
                Arguments.of(new String[] {"backups", "restore"}, "Missing required parameter: 'NAME'"),
                Arguments.of(new String[] {"backups", "restore", "../workbench.db"}, "there is no backup '../workbench.db'"),
                Arguments.of(new String[] {"conflicts", "resolve"}, "Missing required"),
                Arguments.of(new String[] {"outbox", "uploaded", "no-such-package"}, "no-such-package"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommandLines")
    void isRefusedWithExitTwoAClearMessageAndNothingChanged(String[] args, String expected) {
        CliRunner.Run run = new CliRunner(dir).run(args);
        assertThat(run.exitCode()).as("exit code of %s; stderr: %s", String.join(" ", args), run.err()).isEqualTo(2);
        assertThat(run.err()).contains(expected);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
        assertThat(snapshot()).isEqualTo(before);
    }
}
