using RolePlay.Engine.Conditions;
using RolePlay.Engine.Diagnostics;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;

namespace RolePlay.Engine.Validation;

/// <summary>Checks a parsed scenario's references, graph, ranges and conditions.</summary>
public static class ScenarioValidator
{
    /// <summary>Names every condition may use besides marking points, negatives and variables.</summary>
    public static readonly IReadOnlySet<string> BuiltInNumbers = new HashSet<string>(StringComparer.Ordinal) { "score", "turn" };

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase) { "and", "or", "not", "true", "false" };

    public static IReadOnlyList<Diagnostic> Validate(Scenario scenario, IMarkingPointVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var context = new ValidationContext(scenario, vocabulary);
        CheckIds(context);
        CheckVariables(context);
        CheckPersonas(context);
        CheckOutcomes(context);
        foreach (var node in scenario.Nodes)
        {
            CheckNode(context, node);
        }

        CheckEndings(context);
        CheckGraph(context);
        return context.Diagnostics;
    }

    private sealed class ValidationContext(Scenario scenario, IMarkingPointVocabulary vocabulary)
    {
        public Scenario Scenario { get; } = scenario;
        public IMarkingPointVocabulary Vocabulary { get; } = vocabulary;
        public List<Diagnostic> Diagnostics { get; } = [];
        public Dictionary<string, VariableDefinition> Variables { get; } =
            scenario.Variables.GroupBy(v => v.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        public HashSet<string> Targets { get; } =
            scenario.Nodes.Select(n => n.Id).Concat(scenario.Endings.Select(e => e.Id)).ToHashSet(StringComparer.Ordinal);

        public void Report(DiagnosticDescriptor descriptor, SourcePosition position, params object[] args) =>
            Diagnostics.Add(new Diagnostic(descriptor, Scenario.SourcePath ?? Scenario.Id, position, args));

        public ConditionType? TypeOfName(string name) =>
            Vocabulary.MarkingPoints.Contains(name) || Vocabulary.Negatives.Contains(name) ? ConditionType.Flag
            : Variables.ContainsKey(name) || BuiltInNumbers.Contains(name) ? ConditionType.Number
            : null;

        public bool IsKnownMarkingPoint(string id) => Vocabulary.MarkingPoints.Contains(id) || Vocabulary.Negatives.Contains(id);
    }

    private static void CheckIds(ValidationContext c)
    {
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var (id, position, kind) in c.Scenario.Nodes.Select(n => (n.Id, n.Position, "node"))
                     .Concat(c.Scenario.Endings.Select(e => (e.Id, e.Position, "ending"))))
        {
            if (!seen.TryAdd(id, position))
            {
                c.Report(DiagnosticDescriptors.DuplicateId, position, kind, id, seen[id].Line);
            }
        }

        ReportDuplicates(c, c.Scenario.Personas.Select(p => (p.Id, p.Position)), "persona");
        ReportDuplicates(c, c.Scenario.Qualification.Outcomes.Select(o => (o.Id, o.Position)), "learning outcome");

        if (c.Scenario.Nodes.Count == 0)
        {
            c.Report(DiagnosticDescriptors.NoEndings, c.Scenario.NodesPosition, "nodes");
        }

        if (c.Scenario.Endings.Count == 0)
        {
            c.Report(DiagnosticDescriptors.NoEndings, c.Scenario.EndingsPosition, "endings");
        }

        if (!c.Targets.Contains(c.Scenario.StartId))
        {
            c.Report(DiagnosticDescriptors.UnknownTarget, c.Scenario.StartPosition, c.Scenario.StartId, " in 'start'");
        }

        if (c.Scenario.TurnLimitEndingId is { } limitEnding && c.Scenario.FindEnding(limitEnding) is null)
        {
            c.Report(DiagnosticDescriptors.UnknownTarget, c.Scenario.TurnLimitEndingPosition, limitEnding, " in 'turn_limit_ending' (it must name an ending)");
        }
    }

    private static void ReportDuplicates(ValidationContext c, IEnumerable<(string Id, SourcePosition Position)> items, string kind)
    {
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var (id, position) in items)
        {
            if (!seen.TryAdd(id, position))
            {
                c.Report(DiagnosticDescriptors.DuplicateId, position, kind, id, seen[id].Line);
            }
        }
    }

    private static void CheckVariables(ValidationContext c)
    {
        foreach (var variable in c.Scenario.Variables)
        {
            if (variable.Min > variable.Max)
            {
                c.Report(DiagnosticDescriptors.InvalidRange, variable.Position, variable.Name, variable.Min, variable.Max);
            }
            else if (variable.Initial < variable.Min || variable.Initial > variable.Max)
            {
                c.Report(DiagnosticDescriptors.ValueOutOfRange, variable.Position, "the initial value", variable.Name, variable.Initial, variable.Min, variable.Max);
            }

            var clash = Keywords.Contains(variable.Name) || BuiltInNumbers.Contains(variable.Name) ? "a built-in name"
                : c.Vocabulary.MarkingPoints.Contains(variable.Name) ? "a marking point"
                : c.Vocabulary.Negatives.Contains(variable.Name) ? "a negative behaviour"
                : null;
            if (clash is not null)
            {
                c.Report(DiagnosticDescriptors.NameClash, variable.Position, variable.Name, clash);
            }
        }
    }

    private static void CheckPersonas(ValidationContext c)
    {
        foreach (var persona in c.Scenario.Personas)
        {
            foreach (var (name, value) in persona.InitialState)
            {
                var position = persona.StatePositions.TryGetValue(name, out var p) ? p : persona.Position;
                if (!c.Variables.TryGetValue(name, out var variable))
                {
                    c.Report(DiagnosticDescriptors.UnknownVariable, position, name, $" in persona '{persona.Id}' state");
                }
                else if (value < variable.Min || value > variable.Max)
                {
                    c.Report(DiagnosticDescriptors.ValueOutOfRange, position, $"persona '{persona.Id}'", name, value, variable.Min, variable.Max);
                }
            }
        }
    }

    private static void CheckOutcomes(ValidationContext c)
    {
        foreach (var outcome in c.Scenario.Qualification.Outcomes)
        {
            foreach (var point in outcome.MarkingPoints.Where(p => !c.IsKnownMarkingPoint(p)))
            {
                c.Report(DiagnosticDescriptors.UnknownMarkingPoint, outcome.MarkingPointsPosition, point, $" in learning outcome '{outcome.Id}'");
            }
        }
    }

    private static void CheckNode(ValidationContext c, DialogueNode node)
    {
        if (c.Scenario.FindPersona(node.Speaker) is null)
        {
            c.Report(DiagnosticDescriptors.UnknownPersona, node.SpeakerPosition, node.Speaker, $" speaking at node '{node.Id}'");
        }

        foreach (var point in node.Assesses.Where(p => !c.IsKnownMarkingPoint(p)))
        {
            c.Report(DiagnosticDescriptors.UnknownMarkingPoint, node.AssessesPosition, point, $" assessed at node '{node.Id}'");
        }

        SourcePosition? unconditionalLine = null;
        foreach (var line in node.Lines)
        {
            if (unconditionalLine is { } earlier && line.When is not null)
            {
                c.Report(DiagnosticDescriptors.ShadowedLine, line.Position, earlier.Line);
            }

            if (line.When is null)
            {
                unconditionalLine ??= line.Position;
            }
            else
            {
                CheckCondition(c, line.When, node, isGuard: false);
            }
        }

        SourcePosition? unconditional = null;
        foreach (var transition in node.Transitions)
        {
            if (unconditional is { } earlier)
            {
                c.Report(DiagnosticDescriptors.ShadowedTransition, transition.Position, earlier.Line);
            }

            if (transition.When is null)
            {
                unconditional ??= transition.Position;
            }
            else
            {
                CheckCondition(c, transition.When, node, isGuard: true);
            }

            if (!c.Targets.Contains(transition.Target))
            {
                c.Report(DiagnosticDescriptors.UnknownTarget, transition.TargetPosition, transition.Target, $" in a transition of node '{node.Id}'");
            }

            CheckUpdates(c, transition.Updates);
        }

        if (unconditional is null)
        {
            c.Report(DiagnosticDescriptors.NoDefaultPath, node.Position, node.Id);
        }
    }

    private static void CheckUpdates(ValidationContext c, IReadOnlyList<StateUpdate> updates)
    {
        foreach (var update in updates)
        {
            if (!c.Variables.TryGetValue(update.Variable, out var variable))
            {
                c.Report(DiagnosticDescriptors.UnknownVariable, update.Position, update.Variable, " in a state update");
            }
            else if (update.Kind == UpdateKind.Set && (update.Amount < variable.Min || update.Amount > variable.Max))
            {
                c.Report(DiagnosticDescriptors.ValueOutOfRange, update.Position, "a 'set' update", update.Variable, update.Amount, variable.Min, variable.Max);
            }
        }
    }

    private static void CheckCondition(ValidationContext c, Condition condition, DialogueNode node, bool isGuard)
    {
        if (!condition.IsValid)
        {
            return;
        }

        foreach (var problem in ConditionChecker.Check(condition.Expression, c.TypeOfName))
        {
            var position = condition.PositionOf(problem.Offset);
            if (problem.IsUnknownName)
            {
                c.Report(DiagnosticDescriptors.UnknownName, position, problem.Name, $" at node '{node.Id}'");
            }
            else
            {
                c.Report(DiagnosticDescriptors.ConditionType, position, problem.Message);
            }
        }

        if (!isGuard)
        {
            return;
        }

        foreach (var name in condition.Names())
        {
            if (c.Vocabulary.MarkingPoints.Contains(name.Name) && !node.Assesses.Contains(name.Name, StringComparer.Ordinal))
            {
                c.Report(DiagnosticDescriptors.GuardNotAssessed, condition.PositionOf(name.Offset), name.Name, node.Id);
            }
        }
    }

    private static void CheckEndings(ValidationContext c)
    {
        foreach (var ending in c.Scenario.Endings)
        {
            if (ending.Speaker is { Length: > 0 } speaker && c.Scenario.FindPersona(speaker) is null)
            {
                c.Report(DiagnosticDescriptors.UnknownPersona, ending.SpeakerPosition, speaker, $" closing ending '{ending.Id}'");
            }

            if (string.IsNullOrWhiteSpace(ending.Outcome))
            {
                c.Report(DiagnosticDescriptors.MissingField, ending.Position, $"ending '{ending.Id}'", "outcome");
            }
        }
    }

    private static void CheckGraph(ValidationContext c)
    {
        var graph = ScenarioGraph.Build(c.Scenario);
        var reachable = graph.ReachableFromStart();
        foreach (var node in c.Scenario.Nodes.Where(n => !reachable.Contains(n.Id)))
        {
            c.Report(DiagnosticDescriptors.UnreachableNode, node.Position, node.Id, c.Scenario.StartId);
        }

        if (c.Scenario.Endings.Count > 0 && c.Scenario.Nodes.Count > 0)
        {
            var turnLimitEnding = c.Scenario.TurnLimitEnding.Id;
            foreach (var ending in c.Scenario.Endings.Where(e => !reachable.Contains(e.Id) && e.Id != turnLimitEnding))
            {
                c.Report(DiagnosticDescriptors.EndingNeverReached, ending.Position, ending.Id);
            }
        }

        foreach (var trap in graph.ClosedCycles(reachable))
        {
            var first = c.Scenario.FindNode(trap[0])!;
            c.Report(DiagnosticDescriptors.CycleWithoutExit, first.Position, string.Join(", ", trap.Select(id => $"'{id}'")));
        }
    }
}
