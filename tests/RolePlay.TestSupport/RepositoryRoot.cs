namespace RolePlay.TestSupport;

/// <summary>Finds the repository root (the folder holding RolePlay.sln) above a test's output folder.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root; throws when the tests run outside a checkout.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RolePlay.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (RolePlay.sln) not found above the test output folder");
    }
}
