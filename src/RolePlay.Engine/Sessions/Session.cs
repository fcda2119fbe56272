using RolePlay.Engine.Conditions;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Engine.Voice;

namespace RolePlay.Engine.Sessions;

/// <summary>What became of a learner's reply.</summary>
public abstract record ReplyResult
{
    private ReplyResult()
    {
    }

    /// <summary>The reply was assessed and the dialogue moved on.</summary>
    public sealed record Accepted(TurnRecord Turn, bool Ended) : ReplyResult;

    /// <summary>The reply was not taken (empty, too long, session over); nothing changed.</summary>
    public sealed record Refused(string Reason) : ReplyResult;
}

/// <summary>
/// One learner's play-through of a scenario: a pure state machine over an immutable <see cref="SessionSnapshot"/>.
/// Persona speaks → <see cref="ReplyAsync"/> → scorer → first matching transition → … → ending.
/// </summary>
public sealed class Session
{
    /// <summary>Longest reply accepted; longer text is refused with a message, never truncated silently.</summary>
    public const int MaxReplyLength = 4000;

    private readonly Scenario _scenario;
    private readonly IReplyScorer _scorer;
    private readonly TimeProvider _clock;

    private Session(Scenario scenario, IReplyScorer scorer, SessionSnapshot state, TimeProvider clock)
    {
        _scenario = scenario;
        _scorer = scorer;
        State = state;
        _clock = clock;
    }

    /// <summary>The whole state; persist it to resume later.</summary>
    public SessionSnapshot State { get; private set; }

    public Scenario Scenario => _scenario;

    public bool IsOver => State.Status == SessionStatus.Ended;

    /// <summary>The node awaiting a reply; null once an ending is reached.</summary>
    public DialogueNode? CurrentNode => IsOver ? null : _scenario.FindNode(State.CurrentId);

    /// <summary>The ending reached; null while in progress.</summary>
    public Ending? Ending => IsOver ? _scenario.FindEnding(State.CurrentId) : null;

    /// <summary>Number of the next reply, 1-based.</summary>
    public int NextTurnNumber => State.Turns.Count + 1;

    public static Session Start(Scenario scenario, IReplyScorer scorer, int seed, string sessionId, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(scorer);
        var variables = scenario.Variables.ToDictionary(v => v.Name, v => v.Initial, StringComparer.Ordinal);
        foreach (var (name, value) in scenario.Personas.SelectMany(p => p.InitialState))
        {
            if (scenario.Variables.FirstOrDefault(v => v.Name == name) is { } definition)
            {
                variables[name] = definition.Clamp(value);
            }
        }

        var status = scenario.FindEnding(scenario.StartId) is null ? SessionStatus.InProgress : SessionStatus.Ended;
        var state = new SessionSnapshot(SessionSnapshot.CurrentFormatVersion, sessionId, scenario.Id, seed, scenario.StartId,
            variables, [], status, null, null);
        return new Session(scenario, scorer, state, clock ?? TimeProvider.System);
    }

    /// <summary>Continues a saved session; fails with a reason when the snapshot does not fit the scenario.</summary>
    public static (Session? Session, string? Error) TryRestore(Scenario scenario, SessionSnapshot snapshot, IReplyScorer scorer, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(scorer);
        if (snapshot.FormatVersion > SessionSnapshot.CurrentFormatVersion)
        {
            return (null, $"the saved session was written by a newer RolePlay (format {snapshot.FormatVersion})");
        }

        if (snapshot.ScenarioId != scenario.Id)
        {
            return (null, $"the saved session is for scenario '{snapshot.ScenarioId}', not '{scenario.Id}'");
        }

        if (scenario.FindNode(snapshot.CurrentId) is null && scenario.FindEnding(snapshot.CurrentId) is null)
        {
            return (null, $"the saved session stopped at '{snapshot.CurrentId}', which scenario '{scenario.Id}' no longer has");
        }

        var status = snapshot.Status == SessionStatus.Quit ? SessionStatus.InProgress : snapshot.Status;
        return (new Session(scenario, scorer, snapshot with { Status = status }, clock ?? TimeProvider.System), null);
    }

    /// <summary>The author's line for the current node in the current state (the scripted voice says exactly this).</summary>
    public string ScriptedLine
    {
        get
        {
            var node = CurrentNode;
            return node is null ? Ending?.Line ?? "" : LineSelector.Select(node, State, LastAssessment);
        }
    }

    /// <summary>What the persona says now: the recorded spoken line if there is one, else the scripted line.</summary>
    public string CurrentLine => State.CurrentLine ?? ScriptedLine;

    /// <summary>The request a persona voice needs to speak the current node.</summary>
    public PersonaLineRequest? CurrentLineRequest()
    {
        var node = CurrentNode;
        if (node is null)
        {
            return null;
        }

        var persona = _scenario.FindPersona(node.Speaker) ?? new Persona(node.Speaker, node.Speaker, "", "", new Dictionary<string, int>());
        return new PersonaLineRequest(_scenario, node, persona, ScriptedLine, State.Variables, History());
    }

    /// <summary>Records the words actually shown for the current node (LLM-voiced or scripted) so transcripts and resumes use them.</summary>
    public void RecordSpokenLine(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        State = State with { CurrentLine = text, CurrentLineSource = source, CurrentLineFallbackReason = null, CurrentLineUsage = null };
    }

    /// <summary>Records a voice's line with why it fell back to the script, if it did, and the tokens it cost.</summary>
    public void RecordSpokenLine(PersonaUtterance utterance)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        RecordSpokenLine(utterance.Text, utterance.Source);
        State = State with { CurrentLineFallbackReason = utterance.FallbackReason, CurrentLineUsage = utterance.Usage };
    }

    /// <summary>What the current node is looking for, for <c>/hint</c>.</summary>
    public string Hint
    {
        get
        {
            var node = CurrentNode;
            if (node is null)
            {
                return "";
            }

            if (!string.IsNullOrWhiteSpace(node.Hint))
            {
                return node.Hint;
            }

            return node.Assesses.Count == 0 ? "Reply as you would at work." : "This reply is assessed on: " + string.Join(", ", node.Assesses) + ".";
        }
    }

    /// <summary>Marks the session as left by the learner; it can be resumed.</summary>
    public void Quit()
    {
        if (!IsOver)
        {
            State = State with { Status = SessionStatus.Quit };
        }
    }

    /// <summary>Assesses the learner's reply and moves the dialogue on.</summary>
    public async Task<ReplyResult> ReplyAsync(string reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var node = CurrentNode;
        if (node is null)
        {
            return new ReplyResult.Refused("the session has ended");
        }

        if (string.IsNullOrWhiteSpace(reply))
        {
            return new ReplyResult.Refused("the reply is empty");
        }

        if (reply.Length > MaxReplyLength)
        {
            return new ReplyResult.Refused($"the reply is {reply.Length} characters long; replies are limited to {MaxReplyLength}. Say it in fewer words, as you would at work.");
        }

        var personaLine = CurrentLine;
        var context = new ReplyContext(reply, personaLine, History(), node.Assesses, _scenario.Context);
        var assessment = await _scorer.ScoreAsync(context, cancellationToken).ConfigureAwait(false);

        var turnNumber = NextTurnNumber;
        var scope = new TurnScope(assessment, State.Variables, turnNumber);
        var index = FirstMatching(node.Transitions, scope);
        var transition = index >= 0 ? node.Transitions[index] : null;
        var variables = transition is null ? new Dictionary<string, int>(State.Variables, StringComparer.Ordinal) : Apply(transition.Updates);
        var nextId = transition?.Target ?? node.Id;

        var reachedEnding = _scenario.FindEnding(nextId) is not null;
        if (!reachedEnding && turnNumber >= _scenario.TurnLimit)
        {
            nextId = _scenario.TurnLimitEnding.Id;
            index = -1;
            reachedEnding = true;
        }

        var turn = new TurnRecord(turnNumber, node.Id, node.Speaker, personaLine, State.CurrentLineSource ?? "scripted", reply,
            assessment, State.Variables, variables, nextId, index, _clock.GetUtcNow(), State.CurrentLineFallbackReason, State.CurrentLineUsage);
        State = State with
        {
            CurrentId = nextId,
            Variables = variables,
            Turns = [.. State.Turns, turn],
            Status = reachedEnding ? SessionStatus.Ended : SessionStatus.InProgress,
            CurrentLine = null,
            CurrentLineSource = null,
            CurrentLineFallbackReason = null,
            CurrentLineUsage = null,
        };
        return new ReplyResult.Accepted(turn, reachedEnding);
    }

    /// <summary>The conversation so far as the scorer and persona voice see it.</summary>
    public IReadOnlyList<ConversationLine> History()
    {
        var lines = new List<ConversationLine>(State.Turns.Count * 2);
        foreach (var turn in State.Turns)
        {
            var speaker = _scenario.FindPersona(turn.SpeakerId)?.Name ?? turn.SpeakerId;
            lines.Add(new ConversationLine(speaker, turn.PersonaLine, IsLearner: false));
            lines.Add(new ConversationLine("Learner", turn.Reply, IsLearner: true));
        }

        return lines;
    }

    private TurnAssessment? LastAssessment => State.Turns.Count == 0 ? null : State.Turns[^1].Assessment;

    private static int FirstMatching(IReadOnlyList<Transition> transitions, IConditionScope scope)
    {
        for (var i = 0; i < transitions.Count; i++)
        {
            var when = transitions[i].When;
            if (when is null || (when.IsValid && when.Evaluate(scope)))
            {
                return i;
            }
        }

        return -1;
    }

    private Dictionary<string, int> Apply(IReadOnlyList<StateUpdate> updates)
    {
        var variables = new Dictionary<string, int>(State.Variables, StringComparer.Ordinal);
        foreach (var update in updates)
        {
            if (_scenario.Variables.FirstOrDefault(v => v.Name == update.Variable) is not { } definition)
            {
                continue;
            }

            var current = variables.TryGetValue(update.Variable, out var value) ? value : definition.Initial;
            // Add in long arithmetic: 'update: { anger: 2147483647 }' must clamp to max, not wrap round to min.
            var updated = update.Kind == UpdateKind.Set ? update.Amount : Math.Clamp((long)current + update.Amount, int.MinValue, int.MaxValue);
            variables[update.Variable] = definition.Clamp((int)updated);
        }

        return variables;
    }
}

/// <summary>Condition values while routing a reply (or choosing a line after one).</summary>
internal sealed class TurnScope(TurnAssessment? assessment, IReadOnlyDictionary<string, int> variables, int turn) : IConditionScope
{
    public bool GetFlag(string name) => assessment is not null && (assessment.IsCredited(name) || assessment.IsDetected(name));

    public double GetNumber(string name) => name switch
    {
        "score" => assessment?.Score ?? 0,
        "turn" => turn,
        _ => variables.TryGetValue(name, out var value) ? value : 0,
    };
}

/// <summary>Chooses which of a node's line variants is spoken.</summary>
internal static class LineSelector
{
    /// <summary>The first conditional variant that holds; else one of the unconditional variants, picked by the seed.</summary>
    public static string Select(DialogueNode node, SessionSnapshot state, TurnAssessment? lastAssessment)
    {
        if (node.Lines.Count == 0)
        {
            return "";
        }

        var scope = new TurnScope(lastAssessment, state.Variables, state.Turns.Count + 1);
        var conditional = node.Lines.FirstOrDefault(l => l.When is { IsValid: true } when && when.Evaluate(scope));
        if (conditional is not null)
        {
            return conditional.Text;
        }

        var pool = node.Lines.Where(l => l.When is null).ToList();
        if (pool.Count == 0)
        {
            return node.Lines[^1].Text;
        }

        var pick = StableHash(state.Seed, state.Turns.Count, node.Id) % (uint)pool.Count;
        return pool[(int)pick].Text;
    }

    // FNV-1a: string.GetHashCode is randomised per process, and sessions must replay identically.
    private static uint StableHash(int seed, int turn, string nodeId)
    {
        var hash = 2166136261u;
        void Mix(int value)
        {
            for (var i = 0; i < 4; i++)
            {
                hash = (hash ^ (byte)(value >> (8 * i))) * 16777619u;
            }
        }

        Mix(seed);
        Mix(turn);
        foreach (var ch in nodeId)
        {
            Mix(ch);
        }

        return hash;
    }
}
