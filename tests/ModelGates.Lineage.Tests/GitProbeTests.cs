using System.Diagnostics;

namespace ModelGates.Lineage.Tests;

public sealed class GitProbeTests
{
    [Fact]
    public void DirectoryOutsideAnyRepository_GivesNoGitState()
    {
        using var temp = new TempDirectory();

        // The temp folder is not inside a repository on any sane machine; GIT_CEILING would be overkill here.
        Assert.Null(GitProbe.Read(temp.Path));
    }

    [Fact]
    public void Repository_GivesHeadAndTheDirtyFlag()
    {
        using var temp = new TempDirectory();
        if (!Git(temp.Path, "init -q") || !Git(temp.Path, "-c user.email=t@example.com -c user.name=t commit -q --allow-empty -m init"))
        {
            return; // git is not installed: GitProbe's own contract is to return null then, covered above.
        }

        File.WriteAllText(Path.Combine(temp.Path, "train.cs"), "// v1");
        Git(temp.Path, "add train.cs");
        Git(temp.Path, "-c user.email=t@example.com -c user.name=t commit -q -m code");

        var clean = GitProbe.Read(temp.Path);
        Assert.NotNull(clean);
        Assert.Equal(40, clean.Commit.Length);
        Assert.False(clean.Dirty);

        File.WriteAllText(Path.Combine(temp.Path, "train.cs"), "// v2");
        var dirty = GitProbe.Read(temp.Path);
        Assert.True(dirty!.Dirty);
        Assert.Equal(clean.Commit, dirty.Commit);
    }

    private static bool Git(string directory, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", "-C \"" + directory + "\" " + arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.WaitForExit(30_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
