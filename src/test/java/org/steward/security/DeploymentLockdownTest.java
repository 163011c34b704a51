package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steward.support.IntegrationTest;

/**
 * Issue 7, finding 4: a BPMN deployed over REST ran Runtime.exec through a JUEL expression. Processes
 * ship inside the application; nobody deploys through /engine-rest or the webapps' engine API, not even
 * an administrator (who bypasses Camunda's authorizations), and nobody holds CREATE on DEPLOYMENT.
 * Stored Tasklist filters evaluate expressions too: only admins create filters, and none with expressions.
 */
class DeploymentLockdownTest extends IntegrationTest {

    private static final String BOUNDARY = "----steward" + UUID.randomUUID();

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;

    @Test
    void anAdministrator_cannotDeployThroughEngineRest_underAnySpelling() {
        String name = "attack-" + UUID.randomUUID();
        StaffClient api = new StaffClient(port);
        for (String path : List.of("/engine-rest/deployment/create", "/engine-rest/engine/default/deployment/create",
                "/engine-rest/deployment/create/", "/engine-rest//deployment/create", "/engine-rest/deployment/cr%65ate")) {
            HttpResponse<String> response = api.send("POST", path, "multipart/form-data; boundary=" + BOUNDARY,
                    deploymentBody(name), "Authorization", StaffClient.basic("ada", "demo"));
            assertThat(response.statusCode()).as(path).isBetween(400, 499);
            if (response.statusCode() == 403) {
                assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("json");
                assertThat(response.body()).as(path).contains("Processes ship inside the application");
            }
        }
        assertThat(api.send("POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=" + BOUNDARY,
                deploymentBody(name), "Authorization", StaffClient.basic("ada", "demo")).statusCode()).isEqualTo(403);
        assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
    }

    @Test
    void anAdministrator_cannotRedeploy() {
        String deploymentId = repositoryService.createDeploymentQuery().list().get(0).getId();
        long before = repositoryService.createDeploymentQuery().count();
        HttpResponse<String> response = new StaffClient(port).send("POST", "/engine-rest/deployment/" + deploymentId + "/redeploy",
                "application/json", "{}", "Authorization", StaffClient.basic("ada", "demo"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void anAdministrator_cannotDeployThroughTheWebappsEngineApi() {
        String name = "attack-" + UUID.randomUUID();
        StaffClient ada = new StaffClient(port).signIn("ada");
        HttpResponse<String> response = ada.webappApi("POST", "/camunda/api/engine/engine/default/deployment/create",
                "multipart/form-data; boundary=" + BOUNDARY, deploymentBody(name));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Processes ship inside the application");
        HttpResponse<String> redeploy = ada.webappApi("POST", "/camunda/api/engine/engine/default/deployment/"
                + repositoryService.createDeploymentQuery().list().get(0).getId() + "/redeploy", "application/json", "{}");
        assertThat(redeploy.statusCode()).isEqualTo(403);
        assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
    }

    @Test
    void nobody_holdsCreateOnDeployments() {
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT)
                .hasPermission(Permissions.CREATE).list()).isEmpty();
    }

    @Test
    void onlyAdmins_createTasklistFilters_andNoneWithExpressions() {
        List<Authorization> filterCreate = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .hasPermission(Permissions.CREATE).list();
        assertThat(filterCreate).allSatisfy(a -> assertThat(a.getGroupId()).isIn(StaffGroups.ADMINS, Groups.CAMUNDA_ADMIN));

        String plain = "{\"resourceType\":\"Task\",\"name\":\"Plain " + UUID.randomUUID() + "\",\"query\":{\"candidateGroup\":\"auditors\"}}";
        for (String user : List.of("peter", "priya", "sam", "audrey")) {
            assertThat(new StaffClient(port).send("POST", "/engine-rest/filter/create", "application/json", plain,
                    "Authorization", StaffClient.basic(user, "demo")).statusCode()).as(user).isEqualTo(403);
        }
        HttpResponse<String> created = new StaffClient(port).send("POST", "/engine-rest/filter/create", "application/json", plain,
                "Authorization", StaffClient.basic("ada", "demo"));
        assertThat(created.statusCode()).isEqualTo(200);
        filterService.deleteFilter(created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));

        // An expression in a stored query runs with the engine's rights whenever the filter is used.
        String marker = UUID.randomUUID().toString();
        String expression = "{\"resourceType\":\"Task\",\"name\":\"Shell " + marker + "\",\"query\":{\"assigneeExpression\":"
                + "\"\\u0024{''.getClass().forName('java.lang.Runtime')}\"}}";
        HttpResponse<String> refused = new StaffClient(port).send("POST", "/engine-rest/filter/create", "application/json", expression,
                "Authorization", StaffClient.basic("ada", "demo"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("expression");
        assertThat(filterService.createFilterQuery().filterName("Shell " + marker).count()).isZero();
    }

    @Test
    void passwords_areCheckedOnlyByTheThrottledSignIn() {
        // Camunda's own password checks bypass the sign-in throttle (finding 5): closed.
        HttpResponse<String> verify = new StaffClient(port).send("POST", "/engine-rest/identity/verify", "application/json",
                "{\"username\":\"ada\",\"password\":\"guess\"}", "Authorization", StaffClient.basic("sam", "demo"));
        assertThat(verify.statusCode()).isEqualTo(403);
        StaffClient sam = new StaffClient(port).signIn("sam");
        HttpResponse<String> webappLogin = sam.webappApi("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=ada&password=guess");
        assertThat(webappLogin.statusCode()).isEqualTo(403);
    }

    private static String deploymentBody(String name) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="attack">
                  <process id="Attack" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="Start"/>
                    <sequenceFlow id="f1" sourceRef="Start" targetRef="Run"/>
                    <serviceTask id="Run" camunda:expression="${''.getClass()}"/>
                    <sequenceFlow id="f2" sourceRef="Run" targetRef="End"/>
                    <endEvent id="End"/>
                  </process>
                </definitions>
                """;
        return "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"attack.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n"
                + "--" + BOUNDARY + "--\r\n";
    }
}
