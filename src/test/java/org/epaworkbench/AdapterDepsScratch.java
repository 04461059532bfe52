package org.epaworkbench;
import com.tngtech.archunit.core.domain.*;
import com.tngtech.archunit.core.importer.*;
import org.junit.jupiter.api.Test;
import java.util.*;
class AdapterDepsScratch {
  static final Set<String> PUBLISHED = Set.of(
    "store.StorageException","store.StorageProblem","store.DiskFull","store.SessionLogChanged","store.SessionStore$SessionSummary",
    "store.SignedRecords$SignedRecord","store.EpaStore$DateKind","store.QuestionBankStore$BankQuestion","store.ApprenticeProvenance$Field",
    "store.ApprenticeProvenance$Proposal","store.ApprenticeProvenance$Merged","store.Attachments$Stored","store.Backups$Backup","store.Backups$Reason",
    "keys.KeyStoreProblem","keys.CertificateProblem","sync.PackageRefused","sync.UntrustedSigner","sync.SignerTrust$Decision","sync.SignerTrust$Basis",
    "record.SignatureReport","packs.PlanLibrary","packs.PlanLibrary$InstalledPlan","packs.PlanLibrary$Origin","packs.PlanPackException","packs.JsonFiles","packs.PlanJson");
  @Test void count() throws Exception {
    JavaClasses cs = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.epaworkbench");
    Map<String,Integer> byTarget = new TreeMap<>(); Map<String,Set<String>> users=new TreeMap<>();
    for (JavaClass c : cs) {
      String p = c.getPackageName();
      if (!(p.startsWith("org.epaworkbench.ui") || p.startsWith("org.epaworkbench.cli"))) continue;
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String tp = d.getTargetClass().getPackageName();
        if (tp.matches("org\\.epaworkbench\\.(store|sync|keys|record|packs|documents|db|sample|recording)(\\..*)?")) {
          String t = d.getTargetClass().getName().replace("org.epaworkbench.","");
          if (PUBLISHED.contains(t)) continue;
          t = t.replaceAll("\\$.*","");
          byTarget.merge(t,1,Integer::sum);
          users.computeIfAbsent(t,k->new TreeSet<>()).add(c.getName().replace("org.epaworkbench.","").replaceAll("\\$.*",""));
        }
      }
    }
    StringBuilder sb=new StringBuilder();
    byTarget.forEach((k,v)->sb.append(v).append(" ").append(k).append(" <- ").append(users.get(k)).append("\n"));
    String dir = java.nio.file.Path.of("").toAbsolutePath().getFileName().toString();
    java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/adapter-deps-" + dir + ".txt"), sb.toString());
  }
}
