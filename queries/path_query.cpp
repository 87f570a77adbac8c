// placeholder until path queries land
namespace irkg {}
