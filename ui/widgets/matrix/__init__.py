"""The support/control matrix on screen: Qt geometry, a painter of scenes, the interactive widget."""
