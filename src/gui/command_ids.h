// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Menu and command ids shared by the frame and the panels that post commands to it.
#include <wx/defs.h>

namespace comb::gui {

enum CommandId : int {
    kIdImport = wxID_HIGHEST + 1,
    kIdExportThemeTable,
    kIdExportSummary,
    kIdCloseProject,
    kIdFindNext,
    kIdCodeSelection,
    kIdInVivo,
    kIdNewCode,
    kIdNewChildCode,
    kIdUncode,
    kIdRenameCode,
    kIdDeleteCode,
    kIdMergeCode,
    kIdMoveCodeTop,
    kIdShowDocuments,
    kIdShowCodes,
    kIdShowEditor,
    kIdShowMatrix,
    kIdShowSearch,
    kIdShowThemes,
    kIdResetLayout,
    kIdRebuildIndex,
    kIdShortcuts,
    kIdOpenExample,
    kIdOpenShared,
    kIdQuickCode1,  // .. kIdQuickCode1 + 8
    kIdQuickCodeLast = kIdQuickCode1 + 8,
    kIdShowTranscript,
    kIdNextPane,
    kIdPreviousPane,
    kIdExportCodebook,
    kIdExportProject,
    kIdMergeProject,
    kIdCoderView,
    kIdDisagreements,
    kIdCorrectText,   // Edit > Correct transcript... (edit_mode.h)
    kIdEditTranscript,  // Edit > Edit transcript text: the transcript's edit mode (transcript_edit.h)
    kIdPseudonymise,  // Tools > Pseudonymise... (pseudonymise_dialog.h)
    kIdBack,
    kIdForward,
    kIdCodeWithNewCode,
    kIdCodedSegments,
    kIdImportAttributes,
    kIdLoadCodebook,
    kIdRecentCode1,  // .. kIdRecentCode1 + 8: recent codes in the transcript's context menu
    kIdRecentCodeLast = kIdRecentCode1 + 8,
    kIdRestoreBackup,  // File > Restore from backup... (main_frame_storage.cpp)
};

}  // namespace comb::gui
