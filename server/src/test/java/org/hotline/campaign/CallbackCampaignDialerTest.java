package org.hotline.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.store.MongoContactBook;
import org.hotline.store.MongoStore;
import org.hotline.store.TestMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Callback campaigns, agent first: an agent is reserved before a contact is claimed, and rung before the customer. */
class CallbackCampaignDialerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AgentId LI = new AgentId("010");
    private final MovableClock clock = new MovableClock(LocalDateTime.parse("2026-11-23T10:00").atZone(SHANGHAI).toInstant());
    private final FakeAgents agents = new FakeAgents();
    private final FakeLine line = new FakeLine();
    private MongoStore store;
    private MongoContactBook book;

    @BeforeEach
    void openStore() {
        store = TestMongo.openStore();
        store.ping(); // creates the indexes
        book = new MongoContactBook(store.campaignContacts(), store.campaignAttempts());
    }

    @AfterEach
    void dropStore() {
        store.database().drop();
        store.close();
    }

    private Campaign callbacks(Pacing pacing) {
        return new Campaign(new CampaignId("callbacks-1"), "Complaint callbacks", CampaignKind.CALLBACK,
                new CampaignRules(CallWindow.STANDARD, new RetryRules(3, Map.of()), Duration.ofDays(2), 5, "", pacing,
                        new Skill("complaints"), true),
                "", CampaignStatus.RUNNING, clock.instant(), "001");
    }

    private Contact contact() {
        return new Contact("c1", new CampaignId("callbacks-1"), "+8613800138000", SHANGHAI,
                new ContactDetails("Mr Zhang", "a late delivery", java.time.LocalDate.parse("2026-11-20"), "case-7"),
                LI, null, ContactStatus.PENDING, 0, clock.instant(), clock.instant().plus(Duration.ofDays(2)), null);
    }

    private CallbackCampaignDialer dialer(Pacing pacing) {
        book.add(List.of(contact()));
        return new CallbackCampaignDialer(callbacks(pacing), book, number -> false, agents, line, clock, "a", Runnable::run);
    }

    private Contact stored() {
        return book.due(new CampaignId("callbacks-1"), clock.instant().plus(Duration.ofDays(1)), 1).stream().findFirst()
                .orElseThrow(() -> new AssertionError("the contact is not pending"));
    }

    @Test
    void withNoAgentReadyNothingIsClaimedOrDialled() {
        CallbackCampaignDialer dialer = dialer(Pacing.PROGRESSIVE);

        assertThat(dialer.step(10)).isZero();

        assertThat(stored().attempts()).isZero();
        assertThat(line.rung).isEmpty();
    }

    @Test
    void aContactClaimedByAnotherDialerFirstReleasesTheReservedAgent() {
        CallbackCampaignDialer dialer = dialer(Pacing.PROGRESSIVE);
        agents.ready = LI;
        agents.beforeReserving = contact -> book.claim(contact, "b", clock.instant());

        assertThat(dialer.step(10)).isZero();

        assertThat(agents.log).containsExactly("reserve 010 for c1", "release 010");
        assertThat(line.rung).isEmpty();
    }

    @Test
    void theAgentIsShownTheContactThenRungAndTheReachedCustomerEndsInWrapUp() {
        CallbackCampaignDialer dialer = dialer(Pacing.PROGRESSIVE);
        agents.ready = LI;
        line.agentAnswers = true;
        line.customer = AttemptOutcome.REACHED;

        assertThat(dialer.step(10)).isEqualTo(1);

        assertThat(agents.log).containsExactly("reserve 010 for c1", "present c1 to 010", "answered 010", "call ended 010");
        assertThat(line.rung).containsExactly("010 then +8613800138000");
        AttemptRecord attempt = book.attempts(new CampaignId("callbacks-1"), 10).getFirst();
        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.REACHED);
        assertThat(attempt.agent()).isEqualTo("010");
        assertThat(attempt.answeredAt()).isNotNull();
        assertThat(book.progress(new CampaignId("callbacks-1")).contacts()).containsEntry(ContactStatus.DONE, 1L);
    }

    @Test
    void anAgentWhoDoesNotAnswerIsPausedAndTheCustomerKeepsTheAttempt() {
        CallbackCampaignDialer dialer = dialer(Pacing.PROGRESSIVE);
        agents.ready = LI;
        line.agentAnswers = false;

        dialer.step(10);

        assertThat(agents.log).containsExactly("reserve 010 for c1", "present c1 to 010", "not answered 010");
        Contact after = stored();
        assertThat(after.attempts()).isZero();
        assertThat(after.lastOutcome()).isEqualTo(AttemptOutcome.AGENT_NO_ANSWER);
        assertThat(after.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
    }

    @Test
    void aCallThatCouldNotBePlacedReleasesTheAgentWithoutBlame() {
        CallbackCampaignDialer dialer = dialer(Pacing.PROGRESSIVE);
        agents.ready = LI;
        line.placed = false;

        dialer.step(10);

        assertThat(agents.log).containsExactly("reserve 010 for c1", "present c1 to 010", "release 010");
        assertThat(stored().attempts()).isZero();
    }

    @Test
    void inPreviewTheCustomerIsDialledOnlyOnceTheAgentAccepts() {
        CallbackCampaignDialer dialer = dialer(Pacing.PREVIEW);
        agents.ready = LI;
        agents.decision = new CompletableFuture<>();
        line.agentAnswers = true;
        line.customer = AttemptOutcome.REACHED;

        dialer.step(10);
        assertThat(line.rung).isEmpty();
        assertThat(dialer.inFlight()).isEqualTo(1);

        agents.decision.complete(CampaignAgents.Presented.DIAL);
        assertThat(line.rung).containsExactly("010 then +8613800138000");
    }

    @Test
    void aDeclinedPreviewGivesTheContactBackWithoutUsingAnAttempt() {
        CallbackCampaignDialer dialer = dialer(Pacing.PREVIEW);
        agents.ready = LI;
        agents.decision = new CompletableFuture<>();

        dialer.step(10);
        agents.decision.complete(CampaignAgents.Presented.DECLINED);

        assertThat(line.rung).isEmpty();
        assertThat(stored().attempts()).isZero();
        assertThat(stored().lastOutcome()).isEqualTo(AttemptOutcome.AGENT_DECLINED);
        assertThat(dialer.inFlight()).isZero();
    }

    /** One agent who may be ready; every call on the agents' side is logged in order. */
    private static final class FakeAgents implements CampaignAgents {
        final List<String> log = new ArrayList<>();
        AgentId ready;
        java.util.function.Consumer<Contact> beforeReserving = contact -> { };
        CompletableFuture<Presented> decision = CompletableFuture.completedFuture(Presented.DIAL);

        @Override
        public Optional<AgentId> reserve(Campaign campaign, Contact contact) {
            beforeReserving.accept(contact);
            if (ready == null || ready.equals(contact.avoidAgent())) {
                return Optional.empty();
            }
            log.add("reserve " + ready.value() + " for " + contact.id());
            return Optional.of(ready);
        }

        @Override
        public CompletionStage<Presented> present(AgentId agent, Campaign campaign, Contact claimed) {
            log.add("present " + claimed.id() + " to " + agent.value());
            return decision;
        }

        @Override
        public void answered(AgentId agent, Contact contact) {
            log.add("answered " + agent.value());
        }

        @Override
        public void notAnswered(AgentId agent, Contact contact) {
            log.add("not answered " + agent.value());
        }

        @Override
        public void callEnded(AgentId agent, Contact contact) {
            log.add("call ended " + agent.value());
        }

        @Override
        public void release(AgentId agent, Contact contact) {
            log.add("release " + agent.value());
        }
    }

    /** Rings the agent and, when they answer, the customer, who does what the test says. */
    private static final class FakeLine implements AgentFirstLine {
        final List<String> rung = new ArrayList<>();
        boolean placed = true;
        boolean agentAnswers;
        AttemptOutcome customer = AttemptOutcome.NO_ANSWER;

        @Override
        public void dial(Campaign campaign, Contact contact, AgentId agent, Listener listener) {
            if (!placed) {
                listener.ended(OutboundLine.Result.of(AttemptOutcome.NEVER_DIALLED));
                return;
            }
            if (!agentAnswers) {
                listener.ended(OutboundLine.Result.of(AttemptOutcome.AGENT_NO_ANSWER));
                return;
            }
            listener.agentAnswered(Instant.now());
            rung.add(agent.value() + " then " + contact.number());
            if (customer == AttemptOutcome.REACHED) {
                Instant at = Instant.now();
                listener.answered(at);
                listener.ended(new OutboundLine.Result(AttemptOutcome.REACHED, at, null));
            } else {
                listener.ended(OutboundLine.Result.of(customer));
            }
        }
    }
}
