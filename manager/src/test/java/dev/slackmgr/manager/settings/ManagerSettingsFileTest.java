package dev.slackmgr.manager.settings;

import dev.slackmgr.manager.issue.ManagerSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagerSettingsFileTest {

    @Test
    void noFileMeansDefaults() {
        assertThat(ManagerSettingsFile.load("")).isEqualTo(ManagerSettings.defaults());
        assertThat(ManagerSettingsFile.parse("", "x")).isEqualTo(ManagerSettings.defaults());
    }

    @Test
    void readsTheReferenceKeyNames() throws Exception {
        Path f = Files.createTempFile("manager-settings", ".yaml");
        Files.writeString(f, """
                globalAdmins: [U0ADMIN1, U0ADMIN2]
                issueProcessingIntervalSeconds: 5
                defaultIssueArchivingDelaySeconds: 600
                defaultPostUsername: Alert Bot
                alertChannels:
                  - id: C0123
                    adminUsers: [U0LEAD]
                somethingNewerThanUs: true
                """);
        ManagerSettings s = ManagerSettingsFile.load(f.toString());
        assertThat(s.globalAdmins()).containsExactly("U0ADMIN1", "U0ADMIN2");
        assertThat(s.issueProcessingIntervalSeconds()).isEqualTo(5);
        assertThat(s.defaultIssueArchivingDelaySeconds()).isEqualTo(600);
        assertThat(s.defaultPostUsername()).isEqualTo("Alert Bot");
        assertThat(s.alertChannels()).hasSize(1);
        assertThat(s.alertChannels().get(0).adminUsers()).containsExactly("U0LEAD");
        assertThat(s.defaultPostIconEmoji()).as("unset keys keep their defaults").isEqualTo(":female-detective:");
    }

    @Test
    void wrongTypesFailNamingTheKey() {
        assertThatThrownBy(() -> ManagerSettingsFile.parse("issueProcessingIntervalSeconds: soon\n", "settings.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("settings.yaml").hasMessageContaining("issueProcessingIntervalSeconds");
    }

    @Test
    void unreadableFileFailsNamingTheVariable() {
        assertThatThrownBy(() -> ManagerSettingsFile.load("/nonexistent/settings.yaml"))
                .hasMessageContaining("SLACKMGR_MANAGER_SETTINGS");
    }
}
