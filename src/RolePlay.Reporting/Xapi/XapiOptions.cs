namespace RolePlay.Reporting.Xapi;

/// <summary>How RolePlay names things in a learning record store. Colleges set their own base IRIs.</summary>
/// <param name="ActivityBase">Absolute IRI under which scenario, node and extension IRIs are minted; should end with '/'.</param>
/// <param name="AccountHomePage">The <c>account.homePage</c> of learner and assessor actors (the system that knows their names).</param>
/// <param name="Language">RFC 5646 tag for display strings.</param>
public sealed record XapiOptions(Uri ActivityBase, Uri AccountHomePage, string Language = "en-GB")
{
    public static XapiOptions Default { get; } = new(new Uri("https://roleplay.example.org/xapi/"), new Uri("https://roleplay.example.org/"));

    /// <summary>An IRI below <see cref="ActivityBase"/>; each segment is escaped.</summary>
    public string Iri(params string[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var root = ActivityBase.AbsoluteUri.EndsWith('/') ? ActivityBase.AbsoluteUri : ActivityBase.AbsoluteUri + "/";
        return root + string.Join('/', segments.Select(Uri.EscapeDataString));
    }
}
