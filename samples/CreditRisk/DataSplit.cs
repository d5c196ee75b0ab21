using System.Security.Cryptography;
using System.Text;

namespace CreditRisk;

/// <summary>
/// Splits the shipped credit data into training (80%) and holdout (20%) files. The split is decided by a
/// hash of each row's position, so it is the same on every machine and every .NET version.
/// </summary>
internal static class DataSplit
{
    public static (int Train, int Holdout) Write(SamplePaths paths)
    {
        var lines = File.ReadAllLines(paths.Source);
        var header = lines[0];
        var train = new List<string> { header };
        var holdout = new List<string> { header };
        for (var i = 1; i < lines.Length; i++)
        {
            (InHoldout(i) ? holdout : train).Add(lines[i]);
        }

        Directory.CreateDirectory(paths.DataFolder);
        File.WriteAllText(paths.Train, string.Join('\n', train) + "\n");
        File.WriteAllText(paths.Holdout, string.Join('\n', holdout) + "\n");
        return (train.Count - 1, holdout.Count - 1);
    }

    private static bool InHoldout(int row)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("credit-split/" + row));
        return hash[0] < 256 / 5;
    }
}
