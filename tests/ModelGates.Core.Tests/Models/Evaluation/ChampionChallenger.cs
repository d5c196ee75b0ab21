namespace ModelGates.Tests.Models.Evaluation;

/// <summary>
/// Two seeded binary models of Outcome and the holdout they are compared on: a champion trained on every feature,
/// and a challenger trained without X1 (its strongest feature), so the challenger is clearly and really worse.
/// </summary>
internal sealed record ChampionChallenger(string HoldoutCsv, string Champion, string Challenger)
{
    /// <summary>Trains both models into <paramref name="folder"/> and writes the holdout there.</summary>
    public static ChampionChallenger Train(string folder)
    {
        var training = TrainedModels.Rows(600, seed: 7);
        var withoutX1 = training.Select(r => new TrainedModels.Row
        {
            X1 = 0,
            X2 = r.X2,
            Color = r.Color,
            Flag = r.Flag,
            Outcome = r.Outcome,
            Species = r.Species,
            Target = r.Target,
        }).ToList();
        return new ChampionChallenger(
            TrainedModels.WriteCsv(Path.Combine(folder, "holdout.csv"), TrainedModels.Rows(400, seed: 8)),
            TrainedModels.Binary(Path.Combine(folder, "champion.zip"), training),
            TrainedModels.Binary(Path.Combine(folder, "challenger.zip"), withoutX1));
    }
}
