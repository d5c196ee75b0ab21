namespace ModelGates.Lineage;

/// <summary>The state of the git work tree the model was trained from.</summary>
public sealed class GitState
{
    /// <summary>Creates a git state.</summary>
    /// <param name="commit">The full hash of HEAD.</param>
    /// <param name="dirty">Whether tracked files had uncommitted changes.</param>
    internal GitState(string commit, bool dirty)
    {
        Commit = commit ?? throw new ArgumentNullException(nameof(commit));
        Dirty = dirty;
    }

    /// <summary>The full hash of HEAD.</summary>
    public string Commit { get; }

    /// <summary>Whether tracked files had uncommitted changes (untracked files are not counted): the commit alone then does not reproduce the code.</summary>
    public bool Dirty { get; }
}
