using System.Collections.Frozen;
using System.Text.RegularExpressions;

using RolePlay.Engine.Model;

namespace RolePlay.Scoring.Batch;

/// <summary>
/// Guesses who the learner is talking to when a batch line does not say: a customer (the default), a colleague or a
/// service partner, from words in what the other person said and in the reply. Some marking points are only assessed
/// with colleagues and partners (collaboration, assertiveness), so an unlabelled colleague line scored as "customer"
/// would lose them. Hand-written word lists give a first guess; a model counted from the labelled development sets
/// (<see cref="ContextModel"/>) weighs it with every other word.
/// </summary>
public static partial class ContextGuess
{
    // A customer talks about their own order; staff talk about "the customer". Third-person customers mean staff.
    private static readonly FrozenSet<string> CustomerInThirdPerson = new[]
    {
        "the customer", "a customer", "this customer", "that customer", "our customer", "our customers", "your customer",
        "your customers", "the customers", "customers", "the client", "our client", "our clients", "the caller", "the patient",
        "the tenant", "the guest", "the resident", "his order", "her order", "their order", "her parcel", "his parcel",
        "customer", "complainer", "complainers", "a client", "the lady", "this lady", "the gentleman",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PartnerWords = new[]
    {
        "courier", "couriers", "depot", "depots", "supplier", "suppliers", "contractor", "contractors", "fitter", "fitters",
        "invoice", "invoices", "sla", "service level", "contract", "account manager", "pallet", "pallets", "consignment",
        "manifest", "purchase order", "your end", "our end", "your side", "our side", "your company", "your firm",
        "your lot", "your drivers", "our drivers", "your engineers", "our engineers", "stock", "delivery schedule", "the van",
        "drop", "drops", "collection", "collections", "vendor", "wholesaler", "distributor", "your warehouse", "our warehouse",
        "your team", "our team", "call centre", "department", "dispatch", "our drivers", "the warehouse", "warehouse",
        "finance here", "sales here", "warehouse here", "control here", "accounts here", "ticket", "queue", "our engineer",
        "call-out", "label", "labels", "paperwork", "half the order", "the driver", "mailshot", "customer list", "part numbers",
        "your system", "our system", "we can't guarantee", "lead time", "backorder", "the order", "the job", "finish the job",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ColleagueWords = new[]
    {
        "shift", "shifts", "rota", "cover", "covering", "break", "lunch", "till", "tills", "inbox", "training", "new starter",
        "mate", "handover", "team meeting", "staff room", "staffroom", "the office", "colleague", "colleagues", "overtime",
        "holiday", "annual leave", "manager said", "the boss", "workload", "the team", "gossip", "huddle", "stock room",
        "the floor", "shop floor", "appraisal", "feedback", "hun", "babe", "manager's asking",
        "complaint calls", "i'm off", "i'm late", "returns log", "callbacks", "call-backs", "stay late",
        "printer", "i'm new", "the desk", "meant to be", "hung up", "you lot", "team inbox", "the returns", "my call",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const int MaxPhraseWords = 3;

    /// <summary>Resource name of the shipped model, trained on the development sets only.</summary>
    public const string ModelResourceName = "RolePlay.Scoring.context-model.tsv";

    private static readonly Lazy<ContextModel> ShippedModel = new(() =>
    {
        using var stream = typeof(ContextGuess).Assembly.GetManifestResourceStream(ModelResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ModelResourceName} is missing");
        using var reader = new StreamReader(stream);
        return ContextModel.Read(reader);
    });

    /// <summary>The likely context of a reply to <paramref name="otherPersonLine"/>; customer unless the words say otherwise.</summary>
    public static ContextKind Guess(string? otherPersonLine, string? reply) =>
        ShippedModel.Value.Predict(otherPersonLine, reply, FromWordLists(otherPersonLine, reply));

    /// <summary>The guess from the hand-written word lists alone; customer unless they say otherwise.</summary>
    public static ContextKind FromWordLists(string? otherPersonLine, string? reply)
    {
        var other = Words(otherPersonLine);
        var own = Words(reply);
        int partner = 0, colleague = 0, thirdPerson = 0;

        // "Mrs Patel rang back furious": a named member of the public spoken about, so staff are talking ("I'm Mrs Patel" is not).
        if (MentionsTitledName(otherPersonLine))
        {
            thirdPerson += 2;
        }

        foreach (var (words, weight) in new[] { (other, 2), (own, 1) })
        {
            for (var i = 0; i < words.Count; i++)
            {
                for (var n = 1; n <= MaxPhraseWords && i + n <= words.Count; n++)
                {
                    var phrase = n == 1 ? words[i] : string.Join(' ', words.Skip(i).Take(n));
                    partner += PartnerWords.Contains(phrase) ? weight : 0;
                    colleague += ColleagueWords.Contains(phrase) ? weight : 0;
                    thirdPerson += CustomerInThirdPerson.Contains(phrase) ? weight : 0;
                }
            }
        }

        if (partner == 0 && colleague == 0 && thirdPerson == 0)
        {
            return ContextKind.Customer;
        }

        if (thirdPerson == 0 && partner + colleague < 2)
        {
            return ContextKind.Customer;
        }

        return partner > colleague ? ContextKind.Partner : ContextKind.Colleague;
    }

    /// <summary>Whether the line names a member of the public by title ("Mrs Patel rang back"), not as a self-introduction.</summary>
    public static bool MentionsTitledName(string? line) =>
        line is not null && NamedPerson().IsMatch(line.Length > 4000 ? line[..4000] : line);

    [GeneratedRegex(@"(?<!\b(?:I'm|I am|[Nn]ame is|[Nn]ame's|[Tt]his is|[Ii]t's)\s)\b(?:Mr|Mrs|Ms|Miss)\.?\s[A-Z][a-z]", RegexOptions.CultureInvariant)]
    private static partial Regex NamedPerson();

    private static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var span = text.Length > 4000 ? text.AsSpan(0, 4000) : text.AsSpan();
        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            var letter = i < span.Length && (char.IsLetterOrDigit(span[i]) || span[i] == '-');
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add(span[start..i].ToString().ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }
}
