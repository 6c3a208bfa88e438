"""The support/control matrix on screen: Qt geometry, a scene painter, the interactive widget."""
