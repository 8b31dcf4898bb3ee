package vn.motcua.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

class TaskRoutingTest {

    @Test
    void rolesAsCandidateGroupsWithAValidSideAreAccepted() {
        BpmnModelInstance model = model("""
                <bpmn:userTask id="UserTask_Receive" camunda:candidateGroups="tiepnhan" />
                <bpmn:userTask id="UserTask_Return" camunda:candidateGroups="tiepnhan">
                  <bpmn:extensionElements><camunda:properties>
                    <camunda:property name="agency" value="return" />
                  </camunda:properties></bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:userTask id="UserTask_Approve" camunda:candidateGroups="lanhdao, chuyenvien" />""");

        assertThat(TaskRouting.problems(model)).isEmpty();
    }

    @Test
    void anUnknownGroupAPersonAMissingGroupAndABadSideAreEachNamed() {
        BpmnModelInstance model = model("""
                <bpmn:userTask id="UserTask_Tax" camunda:candidateGroups="lienthong" />
                <bpmn:userTask id="UserTask_Person" camunda:assignee="demo" />
                <bpmn:userTask id="UserTask_Designer" camunda:candidateGroups="thietke" />
                <bpmn:userTask id="UserTask_Side" camunda:candidateGroups="chuyenvien">
                  <bpmn:extensionElements><camunda:properties>
                    <camunda:property name="agency" value="district" />
                  </camunda:properties></bpmn:extensionElements>
                </bpmn:userTask>""");

        assertThat(TaskRouting.problems(model))
                .containsExactlyInAnyOrder(
                        "user task UserTask_Tax names candidate group 'lienthong', which is not a role that works on "
                                + "dossiers (tiepnhan, chuyenvien, lanhdao)",
                        "user task UserTask_Person has no candidate group",
                        "user task UserTask_Person names a person (assignee or candidate users); name a role",
                        "user task UserTask_Designer names candidate group 'thietke', which is not a role that works "
                                + "on dossiers (tiepnhan, chuyenvien, lanhdao)",
                        "user task UserTask_Side: property agency 'district' is not receiving, competent or return");
    }

    @Test
    void eachDossierRoleHasAGroupPerAgencyAndTheOthersNone() {
        assertThat(StaffRole.DESK_CLERK.groupAt("000.00.99.H99")).isEqualTo("tiepnhan-000.00.99.H99");
        assertThat(StaffRole.DESK_CLERK.defaultSide()).isEqualTo(AgencySide.RECEIVING);
        assertThat(StaffRole.LEADER.defaultSide()).isEqualTo(AgencySide.COMPETENT);
        assertThat(StaffRole.DESIGNER.worksOnDossiers()).isFalse();
        assertThat(StaffRole.ofGroup("camunda-admin")).contains(StaffRole.ADMINISTRATOR);
    }

    private static BpmnModelInstance model(String userTasks) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
                  <bpmn:process id="p" isExecutable="true">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(userTasks);
        return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
