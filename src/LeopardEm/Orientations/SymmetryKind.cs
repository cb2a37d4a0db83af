namespace LeopardEm.Orientations;

/// <summary>Point-group family of a template, as written by its letter in a symmetry string.</summary>
public enum SymmetryKind
{
    /// <summary>"C n": cyclic, n-fold about z.</summary>
    Cyclic,

    /// <summary>"D n": dihedral, n-fold about z plus 2-fold axes perpendicular to it.</summary>
    Dihedral,

    /// <summary>"T": tetrahedral.</summary>
    Tetrahedral,

    /// <summary>"O": octahedral.</summary>
    Octahedral,

    /// <summary>"I": icosahedral.</summary>
    Icosahedral,
}
