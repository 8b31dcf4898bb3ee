package vn.motcua.app.calendar;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.calendar.CalendarDataMissingException;
import vn.motcua.calendar.DueDateRule;
import vn.motcua.calendar.TimeLimitKind;

/** The public due-date contract: the answer's shape and offset, and 400 problem details for bad parameters. */
@WebMvcTest(controllers = DueDateController.class)
@AutoConfigureMockMvc(addFilters = false)
class DueDateControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DueDateRule rule;

    @Test
    void answersTheDueMomentAtVietnamsOffset() throws Exception {
        when(rule.due(Instant.parse("2026-03-10T09:30:00Z"), 3, TimeLimitKind.WORKING))
                .thenReturn(Instant.parse("2026-03-13T09:30:00Z"));

        mvc.perform(get("/api/public/calendar/due")
                        .param("from", "2026-03-10T16:30:00+07:00")
                        .param("workingDays", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2026-03-13T16:30:00+07:00"));
    }

    @Test
    void badParametersAnswer400WithProblemDetails() throws Exception {
        mvc.perform(get("/api/public/calendar/due")
                        .param("from", "2026-03-10 16:30")
                        .param("workingDays", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.parameter").value("from"));
        mvc.perform(get("/api/public/calendar/due")
                        .param("from", "2026-03-10T16:30:00+07:00")
                        .param("workingDays", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("workingDays"));
        mvc.perform(get("/api/public/calendar/due")
                        .param("from", "2026-03-10T16:30:00+07:00")
                        .param("workingDays", "x"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/public/calendar/due").param("workingDays", "1")).andExpect(status().isBadRequest());
        when(rule.due(any(), anyInt(), any())).thenThrow(new CalendarDataMissingException(2031));
        mvc.perform(get("/api/public/calendar/due")
                        .param("from", "2031-01-02T09:00:00+07:00")
                        .param("workingDays", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.year").value(2031));
    }

    @Test
    void daysWithKindCalendarCountEveryDayAndKindDefaultsToWorkingDays() throws Exception {
        when(rule.due(Instant.parse("2026-03-10T02:00:00Z"), 10, TimeLimitKind.CALENDAR))
                .thenReturn(Instant.parse("2026-03-20T02:00:00Z"));
        when(rule.due(Instant.parse("2026-03-10T02:00:00Z"), 10, TimeLimitKind.WORKING))
                .thenReturn(Instant.parse("2026-03-24T02:00:00Z"));

        mvc.perform(get("/api/public/calendar/due")
                        .param("from", "2026-03-10T09:00:00+07:00")
                        .param("days", "10")
                        .param("kind", "CALENDAR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2026-03-20T09:00:00+07:00"));
        mvc.perform(get("/api/public/calendar/due")
                        .param("from", "2026-03-10T09:00:00+07:00")
                        .param("days", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2026-03-24T09:00:00+07:00"));
    }

    @Test
    void anUnknownKindOrBothDaysAndWorkingDaysOrADaysOutOfRangeAnswer400() throws Exception {
        mvc.perform(get("/api/public/calendar/due")
                        .param("from", "2026-03-10T09:00:00+07:00")
                        .param("days", "10")
                        .param("kind", "LUNAR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.parameter").value("kind"));
        mvc.perform(get("/api/public/calendar/due")
                        .param("from", "2026-03-10T09:00:00+07:00")
                        .param("days", "10")
                        .param("workingDays", "10"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("days"));
        mvc.perform(get("/api/public/calendar/due")
                        .param("from", "2026-03-10T09:00:00+07:00")
                        .param("days", "366")
                        .param("kind", "CALENDAR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("days"));
        mvc.perform(get("/api/public/calendar/due")
                        .param("from", "2026-03-10T09:00:00+07:00")
                        .param("workingDays", "3")
                        .param("kind", "CALENDAR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("kind"));
    }
}
