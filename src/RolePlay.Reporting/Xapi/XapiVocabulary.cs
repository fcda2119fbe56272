namespace RolePlay.Reporting.Xapi;

/// <summary>The ADL verbs and activity types RolePlay uses.</summary>
public static class XapiVocabulary
{
    public const string Version = "1.0.3";

    public const string Answered = "http://adlnet.gov/expapi/verbs/answered";
    public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    public const string Passed = "http://adlnet.gov/expapi/verbs/passed";
    public const string Failed = "http://adlnet.gov/expapi/verbs/failed";
    public const string Scored = "http://adlnet.gov/expapi/verbs/scored";

    public const string Interaction = "http://adlnet.gov/expapi/activities/cmi.interaction";
    public const string Simulation = "http://adlnet.gov/expapi/activities/simulation";
    public const string LongFillIn = "long-fill-in";

    /// <summary>Extension names, minted under <see cref="XapiOptions.ActivityBase"/> + <c>extensions/</c>.</summary>
    public static class Extensions
    {
        public const string MarkingPoints = "marking-points";
        public const string Negatives = "negatives";
        public const string Turn = "turn";
        public const string NextNode = "next-node";
        public const string Outcome = "outcome";
        public const string Ending = "ending";
        public const string Band = "band";
        public const string DecidedBy = "decided-by";
        public const string Review = "review";
        public const string Learner = "learner";
        public const string Path = "path";
    }
}
