//! The shareability matrix as data.

use kyoyu_nda::matrix::{self, Identifiability, MATRIX, MatrixRow, Shareability};
use kyoyu_taxonomy::{AtiKind, AtiSubtype, PublicityState};

#[test]
fn matrix_is_complete_and_row_major() {
    assert_eq!(MATRIX.len(), MatrixRow::ALL.len() * PublicityState::ALL.len());
    for &row in MatrixRow::ALL {
        for &column in PublicityState::ALL {
            let cell = matrix::cell(row, column);
            assert_eq!((cell.row, cell.column), (row, column));
            assert!(!cell.caveat.ja.is_empty() && !cell.caveat.en.is_empty());
        }
    }
}

#[test]
fn report_facts() {
    use PublicityState as P;
    // The sample itself: never broadcast, in every column.
    for &p in P::ALL {
        assert_eq!(
            matrix::cell(MatrixRow::MalwareSample, p).shareable,
            Shareability::ShareableNotBroadcast
        );
    }
    // Non-public vulnerabilities: coordination first.
    assert_eq!(
        matrix::cell(MatrixRow::VulnerabilityExploitation, P::NonPublic).shareable,
        Shareability::CvdFirst
    );
    assert_eq!(
        matrix::cell(MatrixRow::VulnerabilityDetails, P::NonPublic).shareable,
        Shareability::CvdFirst
    );
    // Registration services: the terms decide.
    assert_eq!(
        matrix::cell(MatrixRow::Destination, P::RegistrationService).shareable,
        Shareability::DependsOnTerms
    );
    // Public destinations: little effect.
    assert_eq!(
        matrix::cell(MatrixRow::Destination, P::PublicKnowledge).shareable,
        Shareability::ShareableLimitedEffect
    );
    assert_eq!(
        matrix::cell(MatrixRow::MalwareExtracted, P::NonPublic).identifiable,
        Identifiability::SelectBeforeSharing
    );
    assert_eq!(
        matrix::cell(MatrixRow::OtherTtp, P::PublicInfrastructure).shareable,
        Shareability::NoCaseExpected
    );
}

#[test]
fn rows_for_items() {
    assert_eq!(
        MatrixRow::for_item(AtiKind::Malware, Some(AtiSubtype::SampleItself)),
        MatrixRow::MalwareSample
    );
    assert_eq!(MatrixRow::for_item(AtiKind::Malware, None), MatrixRow::MalwareExtracted);
    assert_eq!(
        MatrixRow::for_item(AtiKind::Vulnerability, None),
        MatrixRow::VulnerabilityExploitation
    );
    assert_eq!(
        MatrixRow::for_item(AtiKind::Vulnerability, Some(AtiSubtype::VulnerabilityDetails)),
        MatrixRow::VulnerabilityDetails
    );
    let json =
        serde_json::to_value(matrix::cell(MatrixRow::Destination, PublicityState::NonPublic))
            .unwrap();
    assert_eq!(json["row"], "destination");
    assert_eq!(json["column"], "non_public");
    assert_eq!(json["source"], "report");
    assert_eq!(MatrixRow::Destination.id(), "destination");
}
