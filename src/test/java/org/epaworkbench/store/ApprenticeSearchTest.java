package org.epaworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searching apprentices by name, ULN or employer (issue 17): through the trigram index, kept in step with every
 * change to an apprentice; what is typed is text, never query syntax; one or two characters still find.
 */
class ApprenticeSearchTest {

    @TempDir
    Path dir;
    Database db;
    PeopleStore people;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DataDirectory.at(dir));
        people = new PeopleStore(db, Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
        save("a", "Priya Shah", "9276308686", "Harbour Hotels");
        save("b", "Jordan O'Neill", "1000000019", "Northgate \"Home\" Furnishings");
        save("c", "Zoë Ålund", "1000000027", "Café 100% Ltd");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void save(String id, String name, String uln, String employer) throws Exception {
        people.save(new Apprentice(id, name, Uln.of(uln), employer, "Provider", "highfield-css-l3", LocalDate.of(2025, 1, 6),
                null, false));
    }

    @Test
    void anyPartOfTheNameEmployerOrUlnFindsTheApprenticeWhateverTheCase() throws Exception {
        assertThat(people.apprenticesMatching("shah")).containsExactly("a");
        assertThat(people.apprenticesMatching("HARBOUR")).containsExactly("a");
        assertThat(people.apprenticesMatching("o'neill")).containsExactly("b");
        assertThat(people.apprenticesMatching("30868")).containsExactly("a");
        assertThat(people.apprenticesMatching("927 630 8686")).as("a ULN typed with spaces").containsExactly("a");
        assertThat(people.apprenticesMatching("zoë ålu")).containsExactly("c");
        assertThat(people.apprenticesMatching("nobody")).isEmpty();
        assertThat(people.apprenticesMatching("  ")).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void oneOrTwoCharactersFindToo() throws Exception {
        assertThat(people.apprenticesMatching("zo")).containsExactly("c");
        assertThat(people.apprenticesMatching("%")).as("a wildcard is a character").containsExactly("c");
        assertThat(people.apprenticesMatching("_")).isEmpty();
    }

    @Test
    void whatIsTypedIsTextNeverQuerySyntax() throws Exception {
        for (String typed : List.of("\"Home\"", "name:shah", "sha*", "a OR b", "NEAR(a b)", "{name}", "\"", "'; DROP TABLE x")) {
            assertThat(people.apprenticesMatching(typed)).as(typed).isNotNull();
        }
        assertThat(people.apprenticesMatching("\"Home\"")).containsExactly("b");
        assertThat(people.apprenticesMatching("sha*")).isEmpty();
        assertThat(people.apprenticesMatching("100% L")).containsExactly("c");
    }

    @Test
    void theIndexFollowsEveryChangeAndRemoval() throws Exception {
        save("a", "Priya Patel", "9276308686", "Quayside Retail");
        assertThat(people.apprenticesMatching("shah")).isEmpty();
        assertThat(people.apprenticesMatching("patel")).containsExactly("a");
        assertThat(people.apprenticesMatching("harbour")).isEmpty();
        assertThat(people.apprenticesMatching("quayside")).containsExactly("a");
        db.inTransaction(c -> Sql.update(c, "DELETE FROM apprentice WHERE id = 'b'"));
        assertThat(people.apprenticesMatching("northgate")).isEmpty();
    }

    @Test
    void aSearchOfThreeCharactersOrMoreReadsTheIndexNotEveryApprentice() throws Exception {
        String plan = db.inTransaction(c -> String.join("\n", Sql.query(c, "EXPLAIN QUERY PLAN SELECT apprentice_id FROM "
                + "apprentice_search WHERE apprentice_search MATCH ?", rs -> rs.getString("detail"), "\"sha\"")));
        assertThat(plan).contains("VIRTUAL TABLE INDEX");
    }
}
