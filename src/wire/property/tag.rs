//! Property tags and property types.

use bytes::BufMut;
use serde::Serialize;

use crate::wire::error::{EncodeError, PResult};
use crate::wire::primitives::{Wire, u16 as le_u16, u32 as le_u32};

/// MS-OXCDATA 2.11.1 property data type, a newtype over the wire `u16` so unknown types
/// survive a round trip. Multi-valued types have [`PropertyType::MULTIPLE_FLAG`] set.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct PropertyType(pub u16);

impl PropertyType {
    /// The bit that makes a type multi-valued (MS-OXCDATA 2.11.1).
    pub const MULTIPLE_FLAG: u16 = 0x1000;
    /// PtypUnspecified: the server chooses the type (requests only).
    pub const UNSPECIFIED: Self = Self(0x0000);
    /// PtypNull.
    pub const NULL: Self = Self(0x0001);
    /// PtypInteger16.
    pub const INTEGER16: Self = Self(0x0002);
    /// PtypInteger32.
    pub const INTEGER32: Self = Self(0x0003);
    /// PtypFloating32.
    pub const FLOATING32: Self = Self(0x0004);
    /// PtypFloating64.
    pub const FLOATING64: Self = Self(0x0005);
    /// PtypCurrency.
    pub const CURRENCY: Self = Self(0x0006);
    /// PtypFloatingTime.
    pub const FLOATING_TIME: Self = Self(0x0007);
    /// PtypErrorCode.
    pub const ERROR_CODE: Self = Self(0x000A);
    /// PtypBoolean.
    pub const BOOLEAN: Self = Self(0x000B);
    /// PtypObject / PtypEmbeddedTable.
    pub const OBJECT: Self = Self(0x000D);
    /// PtypInteger64.
    pub const INTEGER64: Self = Self(0x0014);
    /// PtypString8.
    pub const STRING8: Self = Self(0x001E);
    /// PtypString (UTF-16LE).
    pub const STRING: Self = Self(0x001F);
    /// PtypTime.
    pub const TIME: Self = Self(0x0040);
    /// PtypGuid.
    pub const GUID: Self = Self(0x0048);
    /// PtypServerId.
    pub const SERVER_ID: Self = Self(0x00FB);
    /// PtypRestriction.
    pub const RESTRICTION: Self = Self(0x00FD);
    /// PtypRuleAction.
    pub const RULE_ACTION: Self = Self(0x00FE);
    /// PtypBinary.
    pub const BINARY: Self = Self(0x0102);
    /// PtypMultipleInteger16.
    pub const MULTIPLE_INTEGER16: Self = Self(0x1002);
    /// PtypMultipleInteger32.
    pub const MULTIPLE_INTEGER32: Self = Self(0x1003);
    /// PtypMultipleFloating32.
    pub const MULTIPLE_FLOATING32: Self = Self(0x1004);
    /// PtypMultipleFloating64.
    pub const MULTIPLE_FLOATING64: Self = Self(0x1005);
    /// PtypMultipleCurrency.
    pub const MULTIPLE_CURRENCY: Self = Self(0x1006);
    /// PtypMultipleFloatingTime.
    pub const MULTIPLE_FLOATING_TIME: Self = Self(0x1007);
    /// PtypMultipleInteger64.
    pub const MULTIPLE_INTEGER64: Self = Self(0x1014);
    /// PtypMultipleString8.
    pub const MULTIPLE_STRING8: Self = Self(0x101E);
    /// PtypMultipleString.
    pub const MULTIPLE_STRING: Self = Self(0x101F);
    /// PtypMultipleTime.
    pub const MULTIPLE_TIME: Self = Self(0x1040);
    /// PtypMultipleGuid.
    pub const MULTIPLE_GUID: Self = Self(0x1048);
    /// PtypMultipleBinary.
    pub const MULTIPLE_BINARY: Self = Self(0x1102);

    /// Whether the multi-value bit is set.
    pub const fn is_multiple(self) -> bool {
        self.0 & Self::MULTIPLE_FLAG != 0
    }

    /// The MultivalueInstance bit (MS-OXCDATA 2.11.1.3): set with [`Self::MULTIPLE_FLAG`] on a
    /// table column (RopSetColumns, sort orders, restrictions) it asks for one row per value,
    /// and the column then carries single values of the element type.
    pub const MV_INSTANCE_FLAG: u16 = 0x2000;

    /// Whether the MultivalueInstance bit is set.
    pub const fn is_mv_instance(self) -> bool {
        self.0 & Self::MV_INSTANCE_FLAG != 0
    }

    /// The type a value has where this type names a column or tag: the element type when the
    /// MultivalueInstance bit is set, else the type itself.
    pub const fn value_type(self) -> Self {
        if self.is_mv_instance() {
            Self(self.0 & !(Self::MV_INSTANCE_FLAG | Self::MULTIPLE_FLAG))
        } else {
            self
        }
    }

    /// The single-valued type of a multi-valued one (itself if single-valued).
    pub const fn element(self) -> Self {
        Self(self.0 & !Self::MULTIPLE_FLAG)
    }

    /// The specification's name (`PtypString`, `PtypMultipleBinary` ...), if the type is known.
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Self::UNSPECIFIED => "PtypUnspecified",
            Self::NULL => "PtypNull",
            Self::INTEGER16 => "PtypInteger16",
            Self::INTEGER32 => "PtypInteger32",
            Self::FLOATING32 => "PtypFloating32",
            Self::FLOATING64 => "PtypFloating64",
            Self::CURRENCY => "PtypCurrency",
            Self::FLOATING_TIME => "PtypFloatingTime",
            Self::ERROR_CODE => "PtypErrorCode",
            Self::BOOLEAN => "PtypBoolean",
            Self::OBJECT => "PtypObject",
            Self::INTEGER64 => "PtypInteger64",
            Self::STRING8 => "PtypString8",
            Self::STRING => "PtypString",
            Self::TIME => "PtypTime",
            Self::GUID => "PtypGuid",
            Self::SERVER_ID => "PtypServerId",
            Self::RESTRICTION => "PtypRestriction",
            Self::RULE_ACTION => "PtypRuleAction",
            Self::BINARY => "PtypBinary",
            Self::MULTIPLE_INTEGER16 => "PtypMultipleInteger16",
            Self::MULTIPLE_INTEGER32 => "PtypMultipleInteger32",
            Self::MULTIPLE_FLOATING32 => "PtypMultipleFloating32",
            Self::MULTIPLE_FLOATING64 => "PtypMultipleFloating64",
            Self::MULTIPLE_CURRENCY => "PtypMultipleCurrency",
            Self::MULTIPLE_FLOATING_TIME => "PtypMultipleFloatingTime",
            Self::MULTIPLE_INTEGER64 => "PtypMultipleInteger64",
            Self::MULTIPLE_STRING8 => "PtypMultipleString8",
            Self::MULTIPLE_STRING => "PtypMultipleString",
            Self::MULTIPLE_TIME => "PtypMultipleTime",
            Self::MULTIPLE_GUID => "PtypMultipleGuid",
            Self::MULTIPLE_BINARY => "PtypMultipleBinary",
            _ => return None,
        })
    }
}

impl std::fmt::Debug for PropertyType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "PropertyType(0x{:04X})", self.0),
        }
    }
}

impl Wire for PropertyType {
    const NAME: &'static str = "PropertyType";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        le_u16(input).map(|(r, v)| (r, Self(v)))
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u16_le(self.0);
        Ok(())
    }
}

/// MS-OXCDATA 2.9 PropertyTag: the property type in the low 16 bits and the property id in
/// the high 16 bits of one little-endian `u32`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct PropertyTag(pub u32);

impl PropertyTag {
    /// A tag from its `u32` value (`0x3001001F` is PidTagDisplayName as PtypString).
    pub const fn new(tag: u32) -> Self {
        Self(tag)
    }

    /// A tag from a property id and type.
    pub const fn from_parts(id: u16, ty: PropertyType) -> Self {
        Self(((id as u32) << 16) | ty.0 as u32)
    }

    /// The property id (high 16 bits).
    pub const fn id(self) -> u16 {
        (self.0 >> 16) as u16
    }

    /// The property type (low 16 bits).
    pub const fn prop_type(self) -> PropertyType {
        PropertyType(self.0 as u16)
    }

    /// The type of the values this tag labels (see [`PropertyType::value_type`]).
    pub const fn value_type(self) -> PropertyType {
        self.prop_type().value_type()
    }

    /// The same property with another type (PtypString8 instead of PtypString, PtypErrorCode ...).
    pub const fn with_type(self, ty: PropertyType) -> Self {
        Self::from_parts(self.id(), ty)
    }
}

impl std::fmt::Debug for PropertyTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PropertyTag(0x{:08X})", self.0)
    }
}

impl Wire for PropertyTag {
    const NAME: &'static str = "PropertyTag";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        le_u32(input).map(|(r, v)| (r, Self(v)))
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u32_le(self.0);
        Ok(())
    }
}
