using System.Text;
using System.Text.RegularExpressions;

namespace RolePlay.Authoring;

/// <summary>The outcome of scaffolding: the new scenario's text, or why it could not be made.</summary>
public sealed record ScaffoldResult(string? Text, string? Error, string? Path = null)
{
    public bool Succeeded => Error is null;
}

/// <summary>Creates a new scenario from the commented template (<c>roleplay new &lt;id&gt;</c>).</summary>
public static partial class ScenarioScaffolder
{
    /// <summary>The template, with <c>{{id}}</c> and <c>{{title}}</c> placeholders; identical to templates/scenario.yaml (a test keeps them in step).</summary>
    public const string Template = """
# yaml-language-server: $schema=../schema/scenario.schema.json
# A new RolePlay scenario. Every field is explained in docs/authoring.md.
# Check it as you write:   roleplay validate scenarios/{{id}}.yaml
# See its shape:           roleplay graph {{id}} --format mermaid
# Play it:                 roleplay play {{id}}

id: {{id}}                        # must match the file name; lower-case letters, digits, '-' and '_'
title: {{title}}
summary: >-
  One or two sentences the learner reads before starting: who they are talking to and what has happened.
context: customer                 # colleague | customer | partner

qualification:
  element: Handle customer complaints (OCR Level 2 Diploma in Customer Service)
  outcomes:                       # what the scenario evidences, mapped to marking points
    - id: complaint-process
      text: Follow a structured complaint process - listen, apologise, resolve, follow up.
      marking_points: [active_listening, apology, solution, follow_up]

estimated_minutes: 5
turn_limit: 8                     # learner replies before the turn-limit ending
turn_limit_ending: ran_out

variables:                        # whole numbers, clamped to their range
  anger: { min: 0, max: 10, initial: 6 }

personas:
  - id: customer
    name: Sam Taylor
    role: Customer with a complaint
    voice: Polite but firm; gets short with people who do not listen.

start: opening

nodes:
  - id: opening
    speaker: customer
    intent: Sam explains the problem and how it has affected them.     # what the LLM voice must convey
    lines:                        # the first variant whose 'when' holds is spoken; the last has no 'when'
      - when: anger >= 8
        text: I've been waiting all week for this, and nobody has called me back. Again.
      - I've been waiting all week and nobody has called me back.
    assesses: [active_listening, apology]      # marking points the scorer looks for in the reply
    hint: Show you have heard Sam and apologise for the wait.            # shown on /hint
    transitions:                  # tried in order; the first whose 'when' holds is taken
      - when: aggression or dismissive or blame
        to: angrier
        update: { anger: +2 }
      - when: apology and active_listening
        to: fix
        update: { anger: -2 }
      - to: angrier               # the default: every node ends with a transition without 'when'

  - id: angrier
    speaker: customer
    intent: Sam is more annoyed and asks whether anyone is going to sort this out.
    lines:
      - Is anyone actually going to sort this out?
    assesses: [apology, ownership]
    hint: Apologise and take ownership - say what you will do.
    transitions:
      - when: apology and ownership
        to: fix
      - to: unhappy

  - id: fix
    speaker: customer
    intent: Sam asks what will happen next.
    lines:
      - Okay. So what happens now?
    assesses: [solution, follow_up]
    hint: Offer a concrete solution and say when you will follow up.
    transitions:
      - when: solution and follow_up
        to: resolved
      - to: unhappy

endings:
  - id: resolved
    outcome: resolved             # resolved | partially_resolved | escalated | relationship_damaged | timed_out | abandoned
    title: Sam is satisfied
    speaker: customer
    line: Thanks, that's what I needed to hear.
    debrief: You listened (active_listening), apologised (apology), offered a solution and promised a follow_up.
  - id: unhappy
    outcome: partially_resolved
    title: Sam is still unsure
    speaker: customer
    line: I suppose I'll wait and see.
    debrief: Sam did not hear a clear plan. Take ownership and agree a solution with a follow_up.
  - id: ran_out
    outcome: timed_out
    title: Out of time
    debrief: The conversation ran out of turns. Apologise early, then move towards a solution.
""";

    /// <summary>Fills in the template; the title defaults to the id in sentence case.</summary>
    public static ScaffoldResult Create(string id, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!IdPattern().IsMatch(id))
        {
            return new(null, $"'{id}' is not a valid scenario id: use lower-case letters, digits, '-' and '_', starting with a letter or digit");
        }

        var text = Template
            .Replace("{{id}}", id, StringComparison.Ordinal)
            .Replace("{{title}}", QuoteYaml(string.IsNullOrWhiteSpace(title) ? DefaultTitle(id) : title.Trim()), StringComparison.Ordinal);
        return new(text, null);
    }

    /// <summary>Writes <c>&lt;directory&gt;/&lt;id&gt;.yaml</c>; refuses to overwrite an existing file unless asked.</summary>
    public static async Task<ScaffoldResult> WriteAsync(string directory, string id, string? title = null, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var result = Create(id, title);
        if (!result.Succeeded)
        {
            return result;
        }

        var path = System.IO.Path.Combine(directory, id + ".yaml");
        if (File.Exists(path) && !overwrite)
        {
            return new(null, $"{path} already exists; choose another id or pass --force", path);
        }

        try
        {
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(path, result.Text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(null, $"cannot write {path}: {ex.Message}", path);
        }

        return result with { Path = path };
    }

    /// <summary><c>late-delivery</c> becomes <c>Late delivery</c>.</summary>
    public static string DefaultTitle(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var words = id.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? "New scenario" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string QuoteYaml(string text)
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
        return $"\"{escaped}\"";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
